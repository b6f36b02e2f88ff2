package io.launchpad.api.input;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The rules every piece of text the API accepts must keep. Java strings may hold a lone
 * UTF-16 surrogate, which PostgreSQL's driver cannot encode (it corrupts the next
 * character or fails), and PostgreSQL refuses NUL outright; so both are refused at the
 * door, with the other control characters that no person types. Lengths are counted as
 * people see them: code points of the NFC-normalised, trimmed text.
 */
public final class UnicodeText {

    /** Why a text was refused: a rule name for clients and a sentence for people. */
    public record Flaw(String rule, String message) {
    }

    private UnicodeText() {
    }

    public static String normalise(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * The length people see: code points of the NFC-normalised text without surrounding
     * white space.
     */
    public static int length(String text) {
        String visible = normalise(text).strip();
        return visible.codePointCount(0, visible.length());
    }

    /**
     * The first flaw that makes the text unacceptable anywhere, or empty when it is valid
     * text.
     */
    public static Optional<Flaw> flaw(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(loneSurrogate(i));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(loneSurrogate(i));
            }
            if (c == 0) {
                return Optional.of(new Flaw("no-control-characters",
                        "must not contain the NUL character (at position " + (i + 1) + ")"));
            }
            if (isControl(c) && c != '\n' && c != '\t' && c != '\r') {
                return Optional.of(new Flaw("no-control-characters",
                        String.format("must not contain control characters (U+%04X at position %d)", (int) c, i + 1)));
            }
        }
        return Optional.empty();
    }

    /**
     * True when the text holds a line break or tab, which single-line fields such as
     * titles refuse.
     */
    public static boolean hasLineBreakOrTab(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0
                || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static Flaw loneSurrogate(int index) {
        return new Flaw("valid-unicode",
                "must be valid Unicode text (a lone UTF-16 surrogate at position " + (index + 1) + ")");
    }

}
