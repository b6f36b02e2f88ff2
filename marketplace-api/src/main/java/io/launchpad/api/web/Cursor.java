package io.launchpad.api.web;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset position in a list sorted by (time, id) descending. Opaque to clients so the
 * sort can change without breaking them; a cursor that does not decode is a 400 naming
 * {@code cursor}.
 */
public record Cursor(Instant at, UUID id) {

    private static final String VERSION = "v1";

    public String encode() {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
        String raw = VERSION + "|" + micros + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static @Nullable Cursor decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|");
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor layout");
            }
            long micros = Long.parseLong(parts[1]);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000L);
            return new Cursor(at, UUID.fromString(parts[2]));
        }
        catch (IllegalArgumentException e) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "cursor", "valid-cursor",
                    "is not a cursor this API issued; start again without it");
        }
    }
}
