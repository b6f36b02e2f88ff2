package io.launchpad.api.fuzz;

import io.launchpad.api.fuzz.JsonText.Raw;
import io.launchpad.api.fuzz.JsonText.RawBytes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Every way this suite breaks a known-good request, derived from the operation's
 * request-body schema in the contract (type, maxLength, minimum/maximum, format,
 * enum/pattern, items, additionalProperties, required) and from its parameters. Each
 * mutation makes the request invalid by the contract, so each must be refused;
 * {@link Expect} says how.
 */
final class Mutations {

    enum Expect {

        /** 400 whose {@code errors[]} names one of {@link Mutation#fields()}. */
        FIELD_400,
        /** Any 4xx; when it is a 400 it names one of {@link Mutation#fields()}. */
        REFUSED,
        /** 406, before any side effect. */
        NOT_ACCEPTABLE

    }

    /**
     * @param klass the mutation class (report groups by it)
     * @param target the JSON path, parameter or header it breaks
     * @param shown the value sent, printable
     * @param fields the names a 400 may give for it
     */
    record Mutation(String klass, String target, String shown, Expect expect, Set<String> fields,
            Consumer<Wire> change) {

        String describe() {
            return klass + " " + target + "=" + shown;
        }
    }

    /**
     * One property of a request body, with its schema and the path that names it in
     * errors[].
     */
    record Field(List<Object> path, Map<String, Object> schema, boolean required) {

        String name() {
            return pathName(path);
        }
    }

    private static final String ASTRAL = "\uD83D\uDCA5"; // 💥, two UTF-16 units, one code
                                                         // point

    // two code points, one grapheme, even after NFC (there is no precomposed q with an
    // acute accent)
    private static final String COMBINING = "q\u0301";

    private final FuzzContract contract;

    private final List<Mutation> all = new ArrayList<>();

    private Mutations(FuzzContract contract) {
        this.contract = contract;
    }

    /** All mutations of the operation, for the base request given. */
    static List<Mutation> of(FuzzContract contract, FuzzContract.Operation operation, Wire base) {
        Mutations mutations = new Mutations(contract);
        mutations.parameters(operation, base);
        if (operation.requestSchema() != null && base.hasBody) {
            mutations.body(operation.requestSchema(), base.body);
        }
        return mutations.all;
    }

    // --- parameters and headers
    // ---------------------------------------------------------------

    private void parameters(FuzzContract.Operation operation, Wire base) {
        for (String accept : List.of("application/xml", "text/html", "image/png")) {
            add("accept-unsupported", "Accept", accept, Expect.NOT_ACCEPTABLE, Set.of("Accept"),
                    wire -> wire.headers.put("Accept", accept));
        }
        if (base.hasBody) {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
                add("content-type-unsupported", "Content-Type", type, Expect.REFUSED, Set.of("Content-Type", "body"),
                        wire -> wire.headers.put("Content-Type", type));
            }
        }
        for (FuzzContract.Parameter parameter : operation.in("path")) {
            String name = parameter.name();
            boolean integer = "integer".equals(type(parameter.schema()));
            List<String> malformed = integer
                    ? List.of("abc", "99999999999999999999", "1.5", "1e3", "%F0%9F%92%A5", "0x10")
                    : List.of("not-a-uuid", "12345", "%F0%9F%92%A5", UUID.randomUUID() + "0",
                            "%7B" + UUID.randomUUID() + "%7D", "00000000-0000-0000-0000-00000000000g", "%20");
            for (String value : malformed) {
                add("path-malformed", name, value, Expect.FIELD_400, Set.of(name),
                        wire -> wire.pathValues.put(name, value));
            }
            String unknown = integer ? "9223372036854775807" : UUID.randomUUID().toString();
            add("path-unknown", name, unknown, Expect.REFUSED, Set.of(name),
                    wire -> wire.pathValues.put(name, unknown));
        }
        for (FuzzContract.Parameter parameter : operation.in("query")) {
            String name = parameter.name();
            for (String value : List.of("not-a-uuid", "", "%F0%9F%92%A5", "12345")) {
                add("query-malformed", name, value, Expect.FIELD_400, Set.of(name),
                        wire -> wire.query.put(name, value));
            }
            if (parameter.required()) {
                add("query-missing", name, "(absent)", Expect.FIELD_400, Set.of(name),
                        wire -> wire.query.put(name, null));
            }
            String unknown = UUID.randomUUID().toString();
            add("query-unknown", name, unknown, Expect.REFUSED, Set.of(name), wire -> wire.query.put(name, unknown));
        }
        if (operation.hasHeader("If-Match")) {
            for (String value : List.of("W/\"1\"", "\"abc\"", "1", "\"99999999999999999999\"", "\"0\"", "\"-1\"",
                    "\"1\", \"2\"", "\"\"")) {
                add("if-match", "If-Match", value, Expect.REFUSED, Set.of("If-Match"),
                        wire -> wire.headers.put("If-Match", value));
            }
        }
        if (operation.hasHeader("Idempotency-Key")) {
            for (String value : List.of("", "a b", "k".repeat(256), "a\tb", " ", "\"quoted\"x\u007f")) {
                add("idempotency-key-malformed", "Idempotency-Key", value, Expect.FIELD_400, Set.of("Idempotency-Key"),
                        wire -> wire.headers.put("Idempotency-Key", value));
            }
        }
    }

    // --- body
    // -------------------------------------------------------------------------------------

    private void body(Map<String, Object> schema, Object base) {
        List<Field> fields = new ArrayList<>();
        walk(schema, base, List.of(), fields);
        for (Field field : fields) {
            field(field, base);
        }
        wholeBody(base, fields);
    }

    @SuppressWarnings("unchecked")
    private void walk(Map<String, Object> schema, Object value, List<Object> path, List<Field> out) {
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        if (properties == null) {
            return;
        }
        List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            Map<String, Object> propertySchema = contract.resolve((Map<String, Object>) property.getValue());
            List<Object> propertyPath = append(path, property.getKey());
            Object propertyValue = value instanceof Map<?, ?> map ? map.get(property.getKey()) : null;
            out.add(new Field(propertyPath, propertySchema, required.contains(property.getKey())));
            Set<String> types = types(propertySchema);
            if (types.contains("object") && propertySchema.get("properties") != null && propertyValue instanceof Map) {
                walk(propertySchema, propertyValue, propertyPath, out);
            }
            if (types.contains("object") && propertySchema.get("additionalProperties") instanceof Map<?, ?> values
                    && propertyValue instanceof Map<?, ?> map && !map.isEmpty()) {
                Object key = map.keySet().iterator().next();
                out.add(new Field(append(propertyPath, key), contract.resolve((Map<String, Object>) values), false));
            }
            if (types.contains("array") && propertySchema.get("items") instanceof Map<?, ?> items
                    && propertyValue instanceof List<?> list && !list.isEmpty()) {
                Map<String, Object> itemSchema = contract.resolve((Map<String, Object>) items);
                List<Object> itemPath = append(path, property.getKey(), 0);
                out.add(new Field(itemPath, itemSchema, false));
                if (itemSchema.get("properties") != null) {
                    walk(itemSchema, list.getFirst(), itemPath, out);
                }
            }
        }
    }

    private void field(Field field, Object base) {
        Map<String, Object> s = field.schema();
        Set<String> types = types(s);
        String name = field.name();
        Set<String> self = Set.of(name);
        Object current = get(base, field.path());
        if (types.contains("string")) {
            string(field, s, current);
        }
        if (types.contains("integer") || types.contains("number")) {
            number(field, s, types.contains("integer"));
        }
        if (types.contains("boolean")) {
            for (Object value : List.of("true", "false", "yes", new Raw("1"), new Raw("0"))) {
                set(value instanceof String ? "boolean-as-string" : "boolean-as-number", field, value);
            }
        }
        if (types.contains("array")) {
            array(field, s, current);
        }
        else if (types.contains("object")) {
            set("scalar-for-object", field, "x");
            set("scalar-for-object", field, new Raw("1"));
            set("array-for-object", field, List.of());
            if (s.get("properties") != null) {
                add("unknown-field", name + ".zzFuzz", "1", Expect.FIELD_400, Set.of(name + ".zzFuzz"),
                        wire -> put(wire, field.path(), "zzFuzz", 1));
            }
        }
        else {
            Object sample = current != null ? current : "x";
            set("nested-array", field, List.of(List.of(sample)));
            set("array-for-scalar", field, List.of(sample));
            set("object-for-scalar", field, new LinkedHashMap<>(Map.of("value", sample)));
        }
        if (field.required() && !types.contains("null")) {
            set("null-for-required", field, null);
            add("missing-required", name, "(absent)", Expect.FIELD_400, self, wire -> remove(wire, field.path()));
        }
    }

    private void string(Field field, Map<String, Object> s, Object current) {
        String format = (String) s.get("format");
        Integer maxLength = integer(s.get("maxLength"));
        Integer minLength = integer(s.get("minLength"));
        boolean singleLine = (maxLength != null && maxLength <= 320) || s.get("enum") != null
                || s.get("pattern") != null || format != null || (maxLength == null && minLength != null);
        for (String text : List.of("\"\\ud800x\"", "\"x\\udfff\"", "\"\\udc00\"", "\"ab\\ud83d\"",
                "\"\\ud83d\\ud83d\"")) {
            set("lone-surrogate", field, new Raw(text));
        }
        for (String text : List.of("a\u0000b", "\u0000", "x\u0000")) {
            set("nul", field, text);
        }
        if (singleLine) {
            for (String text : List.of("a\u0007b", "a\u001bb", "a\nb", "a\tb", "a\rb", "\u0001", "a\u001fb", "a\bb")) {
                set("c0-control", field, text);
            }
        }
        if (maxLength != null && format == null) {
            int over = maxLength + 1;
            set("too-long", field, "x".repeat(over));
            set("too-long-astral", field, ASTRAL.repeat(over));
            set("too-long-combining", field, COMBINING.repeat((over + 1) / 2));
            set("too-long-astral", field, "a".repeat(maxLength) + ASTRAL);
        }
        if (minLength != null && minLength > 1) {
            set("too-short", field, "a".repeat(minLength - 1));
        }
        for (Object value : List.of(new Raw("12345"), new Raw("1.5"), new Raw("-0"), new Raw("1e3"))) {
            set("number-for-string", field, value);
        }
        set("boolean-for-string", field, true);
        set("boolean-for-string", field, false);
        if (s.get("enum") != null || s.get("pattern") instanceof String pattern && pattern.contains("|")) {
            set("not-one-of", field, "zz-not-a-code");
            if (current instanceof String text && !text.equals(text.toUpperCase())) {
                set("not-one-of", field, text.toUpperCase());
            }
        }
        else if (s.get("pattern") != null) {
            set("pattern", field, "!!!");
        }
        if ("uuid".equals(format)) {
            String uuid = UUID.randomUUID().toString();
            for (String text : List.of("not-a-uuid", "", "123", uuid + "0", "{" + uuid + "}", uuid.replace('-', '_'))) {
                set("not-a-uuid", field, text);
            }
        }
        if ("date".equals(format)) {
            for (String text : List.of("+10000-01-01", "+9999999-01-01", "0001-01-01", "-0001-01-01", "9999-12-31")) {
                set("date-far", field, text);
            }
            set("number-for-date", field, new Raw("20261231"));
            set("number-for-date", field, new Raw("1798675200"));
            set("date-time-for-date", field, "2026-12-31T00:00:00Z");
            set("date-time-for-date", field, "2026-12-31T10:15:30");
            for (String text : List.of("2026-02-30", "31/12/2026", "", "2026-13-01", "tomorrow")) {
                set("not-a-date", field, text);
            }
        }
        if ("email".equals(format)) {
            for (String text : List.of("not-an-email", "a@", "@example.org")) {
                set("not-an-email", field, text);
            }
        }
    }

    private void number(Field field, Map<String, Object> s, boolean integer) {
        Number maximum = (Number) s.get("maximum");
        Number minimum = (Number) s.get("minimum");
        if (maximum != null) {
            set("above-maximum", field, new Raw(Long.toString(maximum.longValue() + 1)));
        }
        if (minimum != null) {
            set("below-minimum", field, new Raw(Long.toString(minimum.longValue() - 1)));
        }
        if (integer) {
            for (String text : List.of("2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999")) {
                set("integer-overflow", field, new Raw(text));
            }
            for (String text : List.of("1.5", "0.0001", "-2.5")) {
                set("fraction-for-integer", field, new Raw(text));
            }
        }
        for (String text : List.of("1e309", "-1e309", "1e1000000", "-1e1000000")) {
            set("number-beyond-double", field, new Raw(text));
        }
        for (String text : List.of("NaN", "Infinity", "-Infinity", "0x10", "+1", "01", ".5")) {
            add("not-a-json-number", field.name(), text, Expect.FIELD_400, Set.of(field.name(), "body"),
                    wire -> replace(wire, field.path(), new Raw(text)));
        }
        for (String text : List.of("12", "lots", "", "NaN", "1e3")) {
            set("string-for-number", field, text);
        }
        set("boolean-for-number", field, true);
    }

    private void array(Field field, Map<String, Object> s, Object current) {
        List<?> list = current instanceof List<?> l ? l : List.of();
        Map<String, Object> items = s.get("items") instanceof Map<?, ?> m ? contract.resolve(cast(m)) : Map.of();
        Object sample = !list.isEmpty() ? list.getFirst()
                : items.get("enum") instanceof List<?> values && !values.isEmpty() ? values.getFirst() : "x";
        Integer maxItems = integer(s.get("maxItems"));
        if (maxItems != null && maxItems < 100) {
            List<Object> many = new ArrayList<>();
            List<?> values = items.get("enum") instanceof List<?> e ? e : List.of();
            for (int i = 0; i <= maxItems; i++) {
                many.add(!values.isEmpty() ? values.get(i % values.size()) : JsonText.copy(sample));
            }
            set("too-many-items", field, many);
        }
        set("nested-array", field, List.of(List.of(JsonText.copy(sample))));
        set("scalar-for-array", field, "x");
        set("scalar-for-array", field, new Raw("1"));
        set("object-for-array", field, new LinkedHashMap<>(Map.of("a", 1)));
        set("null-item", field, Arrays.asList((Object) null));
    }

    private void wholeBody(Object base, List<Field> fields) {
        add("unknown-field", "zzFuzz", "\"x\"", Expect.FIELD_400, Set.of("zzFuzz"),
                wire -> put(wire, List.of(), "zzFuzz", "x"));
        byte[] valid = JsonText.bytes(base);
        String validText = new String(valid, StandardCharsets.UTF_8);
        for (String text : List.of("[]", "\"text\"", "42", "null", "true", "{", "", "[" + validText + "]",
                validText + "x", validText + "{}", validText.substring(0, validText.length() / 2))) {
            add("whole-body", "body", text, Expect.FIELD_400, Set.of("body"),
                    wire -> wire.rawBody = text.getBytes(StandardCharsets.UTF_8));
        }
        String deep = "[".repeat(3000) + "]".repeat(3000);
        add("deep-nesting", "body", "[×3000", Expect.FIELD_400, Set.of("body"),
                wire -> wire.rawBody = deep.getBytes(StandardCharsets.US_ASCII));
        for (Field field : fields) {
            if (!types(field.schema()).contains("string")) {
                continue;
            }
            String name = field.name();
            for (byte[] bad : List.of(new byte[] { '"', 'a', (byte) 0xC3, '(', 'b', '"' },
                    new byte[] { '"', (byte) 0xFF, '"' },
                    new byte[] { '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'x', '"' },
                    new byte[] { '"', (byte) 0xC0, (byte) 0x80, '"' })) {
                RawBytes raw = new RawBytes(bad, "bytes " + HexFormat.ofDelimiter(" ").formatHex(bad));
                add("invalid-utf8", name, raw.shown(), Expect.FIELD_400, Set.of(name, "body"),
                        wire -> replace(wire, field.path(), raw));
            }
        }
    }

    // --- helpers
    // ------------------------------------------------------------------------------------

    private void set(String klass, Field field, Object value) {
        String name = field.name();
        Object sent = JsonText.copy(value);
        add(klass, name, JsonText.shown(sent), Expect.FIELD_400, Set.of(name),
                wire -> replace(wire, field.path(), JsonText.copy(sent)));
    }

    private void add(String klass, String target, String shown, Expect expect, Set<String> fields,
            Consumer<Wire> change) {
        all.add(new Mutation(klass, target, shown, expect, fields, change));
    }

    static String pathName(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object part : path) {
            if (part instanceof Integer index) {
                name.append('[').append(index).append(']');
            }
            else {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(part);
            }
        }
        return name.toString();
    }

    static Set<String> types(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof String t) {
            return Set.of(t);
        }
        if (type instanceof Collection<?> many) {
            return Set.copyOf(many.stream().map(String::valueOf).toList());
        }
        return schema.get("properties") != null ? Set.of("object") : Set.of();
    }

    private static String type(Map<String, Object> schema) {
        Set<String> types = types(schema);
        return types.contains("integer") ? "integer" : types.contains("string") ? "string" : String.join(",", types);
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static List<Object> append(List<Object> path, Object... parts) {
        List<Object> appended = new ArrayList<>(path);
        appended.addAll(List.of(parts));
        return appended;
    }

    private static Object get(Object root, List<Object> path) {
        Object current = root;
        for (Object part : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            }
            else if (current instanceof List<?> list && part instanceof Integer index && index < list.size()) {
                current = list.get(index);
            }
            else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static void replace(Wire wire, List<Object> path, Object value) {
        Object parent = get(wire.body, path.subList(0, path.size() - 1));
        Object last = path.getLast();
        if (parent instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).put(last, value);
        }
        else if (parent instanceof List<?> list && last instanceof Integer index) {
            ((List<Object>) list).set(index, value);
        }
        else {
            throw new IllegalStateException("no parent for " + pathName(path) + " in " + wire.body);
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Wire wire, List<Object> path, String key, Object value) {
        Object target = get(wire.body, path);
        if (!(target instanceof Map<?, ?> map)) {
            throw new IllegalStateException("no object at " + pathName(path) + " in " + wire.body);
        }
        ((Map<Object, Object>) map).put(key, value);
    }

    @SuppressWarnings("unchecked")
    private static void remove(Wire wire, List<Object> path) {
        Object parent = get(wire.body, path.subList(0, path.size() - 1));
        if (parent instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).remove(path.getLast());
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
