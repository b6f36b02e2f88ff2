package io.launchpad.api.server;

import io.launchpad.api.problem.FieldViolation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Checks a request target (path and query, as sent) for what Spring cannot read: percent
 * signs not followed by two hex digits, percent-encoded control characters ({@code %00}),
 * and characters {@link URI} refuses. Names the part to blame.
 */
final class RequestTargets {

    private RequestTargets() {
    }

    static Optional<FieldViolation> violation(String target) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        Optional<FieldViolation> found = percentEncoding("path", path);
        if (found.isEmpty() && query >= 0) {
            found = percentEncoding("query", target.substring(query + 1));
        }
        if (found.isPresent()) {
            return found;
        }
        try {
            new URI(target);
            return Optional.empty();
        }
        catch (URISyntaxException e) {
            String part = query >= 0 && e.getIndex() > query ? "query" : "path";
            return Optional.of(new FieldViolation(part, "uri-syntax",
                    e.getReason() + " at index " + e.getIndex() + "; percent-encode it"));
        }
    }

    private static Optional<FieldViolation> percentEncoding(String part, String text) {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                return Optional.of(new FieldViolation(part, "percent-encoding",
                        "'%' at index " + i + " must be followed by two hexadecimal digits (a literal % is %25)"));
            }
            int decoded = Integer.parseInt(text.substring(i + 1, i + 3), 16);
            if (decoded < 0x20 || decoded == 0x7f) {
                return Optional.of(new FieldViolation(part, "percent-encoding",
                        "must not encode a control character (" + text.substring(i, i + 3) + ")"));
            }
        }
        return Optional.empty();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

}
