package io.launchpad.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes request bodies byte for byte. A general JSON library cannot send what this suite
 * needs: a lone surrogate escape ({@code "\ud800x"}), numbers no Java type holds
 * ({@code 1e1000000}), bytes that are not UTF-8. {@link Raw} and {@link RawBytes} values
 * are written verbatim.
 */
final class JsonText {

    /** JSON text written as is, e.g. {@code 1e1000000} or {@code "\ud800x"}. */
    record Raw(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Bytes written as is, e.g. a string holding an invalid UTF-8 sequence. */
    record RawBytes(byte[] bytes, String shown) {
        @Override
        public String toString() {
            return shown;
        }
    }

    private JsonText() {
    }

    static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    /** A short, printable rendering for reports (long values abbreviated). */
    static String shown(Object value) {
        String text = value instanceof RawBytes raw ? raw.shown() : new String(bytes(value), StandardCharsets.UTF_8);
        StringBuilder printable = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                printable.append(String.format("\\u%04x", c));
            }
            else {
                printable.appendCodePoint(c);
            }
        });
        String result = printable.toString();
        return result.length() > 60
                ? result.substring(0, 40) + "…(" + text.codePointCount(0, text.length()) + " code points)" : result;
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        switch (value) {
            case null -> ascii(out, "null");
            case Raw raw -> out.writeBytes(raw.text().getBytes(StandardCharsets.UTF_8));
            case RawBytes raw -> out.writeBytes(raw.bytes());
            case Boolean b -> ascii(out, b.toString());
            case Number n -> ascii(out, n.toString());
            case CharSequence s -> string(out, s.toString());
            case Map<?, ?> map -> {
                out.write('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    string(out, String.valueOf(entry.getKey()));
                    out.write(':');
                    write(out, entry.getValue());
                }
                out.write('}');
            }
            case List<?> list -> {
                out.write('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    write(out, list.get(i));
                }
                out.write(']');
            }
            default -> string(out, value.toString());
        }
    }

    private static void string(ByteArrayOutputStream out, String s) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            }
            else if (c < 0x20) {
                text.append(String.format("\\u%04x", (int) c));
            }
            else {
                text.append(c);
            }
        }
        out.writeBytes(text.append('"').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** A deep copy of maps and lists, so a mutation never touches the base request. */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }

}
