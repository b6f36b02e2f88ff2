package io.launchpad.api.organisation;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Map;
import java.util.Random;

/**
 * Issue 10: names are tidied, invisible characters refused, look-alikes of a registered
 * name refused.
 */
class OrganisationNamesApiTest extends ApiTestBase {

    @Autowired
    NameSkeletonBackfill backfill;

    @Test
    void namesAreNormalisedAndCountedInCharacters() {
        String tag = tag();
        register("  Cafe\u0301   Homes\t" + tag + "  ").expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Café Homes " + tag);
        // one emoji is one character: too short, a 400 and not a database error
        register("💥").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("name")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("length");
        register("x".repeat(199) + "💥").expectStatus().isCreated();
        register("y".repeat(200) + "💥").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("length");
        register(" \u3000 ").expectStatus().isBadRequest();
    }

    @Test
    void invisibleCharactersAreRefusedNamingTheField() {
        // (control characters such as U+0007 are refused earlier, for every text field:
        // HostileInputApiTest)
        for (String invisible : List.of("\u200B", "\u200D", "\u2060", "\uFEFF", "\u202E", "\u00AD")) {
            register("Riverside" + invisible + "Homes " + tag()).expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("name")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("visible-characters");
        }
    }

    @Test
    void lookAlikesOfARegisteredNameAreRefused() {
        String tag = tag();
        register("Acme Housing " + tag).expectStatus().isCreated();

        for (String lookAlike : List.of("\u0410cme Housing " + tag, // Cyrillic А
                "ACME HOUSING " + tag, // case
                "Acrne Housing " + tag, // rn for m
                "Acme  Housing " + tag.toUpperCase(), "\u0410\u0441m\u0435 Housing " + tag)) { // Cyrillic
                                                                                               // А,
                                                                                               // с,
                                                                                               // е
            register(lookAlike).expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("name")
                .jsonPath("$.errors[0].rule")
                .value(rule -> assertThat(rule).isIn("confusable-name", "unique"));
        }
        register("\u0410cme Housing " + tag).expectBody().jsonPath("$.errors[0].rule").isEqualTo("confusable-name");
        register("Acme Housing " + tag).expectBody().jsonPath("$.errors[0].rule").isEqualTo("unique");
        // a new name that mixes scripts to imitate Latin is refused even with nothing to
        // imitate yet
        register("P\u0430ragon Homes " + tag).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("mixed-script");
        // names in one other script are fine
        register("Жилище " + tag).expectStatus().isCreated();
    }

    @Test
    void concurrentLookAlikeRegistrationsLetExactlyOneIn() throws Exception {
        String tag = tag();
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (String name : List.of("Northgate Homes " + tag, "NORTHGATE HOMES " + tag, "Northgate Hornes " + tag,
                "Northgate Homes " + tag, "northgate homes " + tag, "Northgate  Homes " + tag)) {
            attempts.add(() -> register(name).returnResult(String.class).getStatus().value());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(attempts.size())) {
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
    }

    @Test
    void organisationsRegisteredBeforeSkeletonsGetOneAtStartup() {
        UUID old = UUID.randomUUID();
        String tag = tag();
        db.sql("insert into organisation (id, name, type) values (:id, :name, 'supplier')")
            .bind("id", old)
            .bind("name", "Legacy Sensors " + tag)
            .then()
            .block();
        backfill.run(null);

        assertThat(db.sql("select name_skeleton from organisation where id = :id")
            .bind("id", old)
            .map(row -> row.get("name_skeleton", String.class))
            .one()
            .block()).isNotBlank();
        register("Legacy Sen\u0455ors " + tag).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("confusable-name");
    }

    private WebTestClient.ResponseSpec register(String name) {
        return api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", TestTokens.user("association").bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", name, "type", "association"))
            .exchange();
    }

    /**
     * Distinct per test and free of digits and letters that are confusable with each
     * other.
     */
    private static String tag() {
        StringBuilder tag = new StringBuilder();
        String letters = "bcdfghjkptvwxz";
        var random = new Random();
        for (int i = 0; i < 10; i++) {
            tag.append(letters.charAt(random.nextInt(letters.length())));
        }
        return tag.toString();
    }

}
