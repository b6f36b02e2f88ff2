package io.launchpad.api.contract;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key on POST: retries replay, different bodies are refused, duplicates do
 * the work once.
 */
class IdempotencyApiTest extends ApiTestBase {

    private EntityExchangeResult<Map> register(TestTokens.TestUser user, String key, String name) {
        return api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", user.bearer())
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", name, "type", "association"))
            .exchange()
            .expectBody(Map.class)
            .returnResult();
    }

    private long organisationsNamed(String name) {
        return db.sql("select count(*) as n from organisation where name = :name")
            .bind("name", name)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstResponseWithoutDoingTheWorkAgain() {
        var user = TestTokens.user("association");
        String key = UUID.randomUUID().toString();
        String name = "Idempotent Homes " + UUID.randomUUID();

        var first = register(user, key, name);
        var second = register(user, key, name);

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(second.getStatus().value()).isEqualTo(201);
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(second.getResponseHeaders().getETag()).isEqualTo(first.getResponseHeaders().getETag());
        assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(second.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(organisationsNamed(name)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIs422NamingTheHeaderAndRule() {
        var user = TestTokens.user("association");
        String key = UUID.randomUUID().toString();
        String name = "First Body " + UUID.randomUUID();
        register(user, key, name);

        api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", user.bearer())
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Second Body " + UUID.randomUUID(), "type", "association"))
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://launchpad.example/problems/idempotency-key-reused")
            .jsonPath("$.errors[0].field")
            .isEqualTo("Idempotency-Key")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("same-request");
        assertThat(organisationsNamed(name)).isEqualTo(1);
    }

    @Test
    void keysBelongToOnePersonSoAnotherPersonsSameKeyIsIndependent() {
        String key = UUID.randomUUID().toString();
        var first = register(TestTokens.user("association"), key, "Shared Key A " + UUID.randomUUID());
        var other = register(TestTokens.user("association"), key, "Shared Key B " + UUID.randomUUID());
        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(other.getStatus().value()).isEqualTo(201);
        assertThat(other.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(other.getResponseBody().get("id")).isNotEqualTo(first.getResponseBody().get("id"));
    }

    @Test
    void anExpiredKeyDoesTheWorkAgain() {
        var user = TestTokens.user("association");
        String key = UUID.randomUUID().toString();
        String name = "Expiring " + UUID.randomUUID();
        assertThat(register(user, key, name).getStatus().value()).isEqualTo(201);
        db.sql("update idempotency_keys set expires_at = now() - interval '1 second' where idempotency_key = :key")
            .bind("key", key)
            .fetch()
            .rowsUpdated()
            .block();

        var again = register(user, key, name);

        // not a replay: the API evaluated the request afresh and found the name taken
        assertThat(again.getStatus().value()).isEqualTo(409);
        assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(organisationsNamed(name)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesDoTheWorkOnce() throws Exception {
        var user = TestTokens.user("association");
        String key = UUID.randomUUID().toString();
        String name = "Concurrent " + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<EntityExchangeResult<Map>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> register(user, key, name));
            }
            List<Object> ids = new ArrayList<>();
            for (Future<EntityExchangeResult<Map>> future : pool.invokeAll(calls)) {
                var result = future.get();
                assertThat(result.getStatus().value()).isEqualTo(201);
                ids.add(result.getResponseBody().get("id"));
            }
            assertThat(ids).hasSize(8).allMatch(id -> id.equals(ids.get(0)));
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(organisationsNamed(name)).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIs400NamingTheHeader() {
        var user = TestTokens.user("association");
        api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", user.bearer())
            .header("Idempotency-Key", "x".repeat(300))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Bad Key Homes", "type", "association"))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("Idempotency-Key")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("pattern");
        assertThat(organisationsNamed("Bad Key Homes")).isZero();
    }

    @Test
    void aRefusedAttemptIsNotRememberedSoARetryIsJudgedAfresh() {
        var user = TestTokens.user("association");
        String key = UUID.randomUUID().toString();
        List<String> replayed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var result = api.post()
                .uri("/api/v1/organisations")
                .header("Authorization", user.bearer())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x", "type", "association"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(Map.class)
                .returnResult();
            replayed.add(String.valueOf(result.getResponseHeaders().getFirst("Idempotent-Replayed")));
            assertThat(result.getResponseBody().get("type"))
                .isEqualTo("https://launchpad.example/problems/validation-failed");
        }
        assertThat(replayed).containsExactly("null", "null");
        assertThat(db.sql("select count(*) as n from idempotency_keys where idempotency_key = :k")
            .bind("k", key)
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).as("rows kept for a refused request").isZero();
        // the corrected request under the same key is done
        api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", user.bearer())
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Corrected Homes " + key, "type", "association"))
            .exchange()
            .expectStatus()
            .isCreated();
    }

}
