package io.launchpad.api.web;

import io.launchpad.api.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cursors of the plain (time, id) lists, without a server: they come back as the position
 * they were made from, at PostgreSQL's precision, and anything this API did not issue for
 * such a list is a 400 naming {@code cursor}. (They are not signed: a well-formed
 * position someone wrote by hand is just a position.)
 */
class CursorTest {

    private static final UUID ID = UUID.fromString("5b0c8c1e-2f4e-4c1a-9d8e-6a2b3c4d5e6f");

    @Test
    void aCursorDecodesToThePositionItWasMadeFromAtMicrosecondPrecision() {
        Instant at = Instant.parse("2026-03-14T09:26:53.589793238Z");
        Cursor decoded = Cursor.decode(new Cursor(at, ID).encode());
        assertThat(decoded.id()).isEqualTo(ID);
        assertThat(decoded.at()).isEqualTo(Instant.parse("2026-03-14T09:26:53.589793Z"));
    }

    @Test
    void aPositionBefore1970KeepsItsFractionOfASecond() {
        Instant at = Instant.parse("1969-12-31T23:59:59.250Z");
        assertThat(Cursor.decode(new Cursor(at, ID).encode()).at()).isEqualTo(at);
    }

    @Test
    void aCursorIsSafeInAQueryStringAsItIs() {
        assertThat(new Cursor(Instant.parse("2026-01-01T00:00:00Z"), ID).encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(Cursor.decode(null)).isNull();
        assertThat(Cursor.decode("")).isNull();
        assertThat(Cursor.decode("   ")).isNull();
    }

    @Test
    void whatIsNotBase64IsRefused() {
        assertRefused("%%");
        assertRefused("not a cursor!");
    }

    @Test
    void anotherVersionOrLayoutIsRefused() {
        assertRefused(encoded("v2|1767225600000000|" + ID));
        assertRefused(encoded("v1|1767225600000000"));
        assertRefused(encoded("v1|1767225600000000|" + ID + "|extra"));
        assertRefused(encoded("1767225600000000|" + ID));
    }

    @Test
    void aCursorOfAnotherKindOfListIsRefused() {
        // a ranked list's cursor (MatchRequest) and the parked outbox rows' cursor
        assertRefused(encoded(String.join("|", "m1", "challenge-suppliers", UUID.randomUUID().toString(), "hybrid",
                "10", "80", Long.toHexString(Double.doubleToLongBits(0.5)), ID.toString())));
        assertRefused(encoded("o1|42"));
    }

    @Test
    void anEditedTimeOrIdThatNoLongerParsesIsRefused() {
        assertRefused(encoded("v1|17672256OOOOOOOO|" + ID));
        assertRefused(encoded("v1||" + ID));
        assertRefused(encoded("v1|1767225600000000|not-a-uuid"));
    }

    private static String encoded(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String cursor) {
        assertThatThrownBy(() -> Cursor.decode(cursor)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getStatusCode().value()).isEqualTo(400);
            assertThat(problem.getBody().getProperties().toString()).contains("cursor").contains("valid-cursor");
        });
    }

}
