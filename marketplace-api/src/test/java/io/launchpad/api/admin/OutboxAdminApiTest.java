package io.launchpad.api.admin;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.infra.stack.SharedComponents;
import io.launchpad.api.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.util.Objects;

/**
 * A poison outbox row (a challenge closing at the end of time, which no Elasticsearch
 * date field can hold) over the real PostgreSQL and Elasticsearch: parked after
 * max-attempts (3 in tests), shown to admins and by the consistency check, counted by the
 * meters, never in the way of other writes or a reindex; and an outage parks nothing.
 */
class OutboxAdminApiTest extends ApiTestBase {

    private static final String PARKED = "/api/v1/admin/outbox/parked";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private MeterRegistry meters;

    @Test
    void onlyAdminsSeeOrTouchParkedRows() {
        for (String role : List.of("association", "supplier", "candidate")) {
            String bearer = TestTokens.user(role).bearer();
            api.get()
                .uri(PARKED)
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            api.post()
                .uri(PARKED + "/1/retry")
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            api.delete()
                .uri(PARKED + "/1")
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        api.get().uri(PARKED).exchange().expectStatus().isUnauthorized();
        String admin = TestTokens.user("admin").bearer();
        api.post()
            .uri(PARKED + "/{id}/retry", Long.MAX_VALUE)
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.delete()
            .uri(PARKED + "/{id}", Long.MAX_VALUE)
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get()
            .uri(PARKED + "?limit=0")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get()
            .uri(PARKED + "?cursor=not-ours")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPoisonRowIsParkedShownRetriedAndNeitherBlocksWritesNorAReindex() throws Exception {
        String admin = TestTokens.user("admin").bearer();
        double parkedBefore = meters.get("launchpad.outbox.parked.total").functionCounter().count();
        UUID poison = UUID.randomUUID();
        UUID discarded = UUID.randomUUID();
        long poisonRow = insertPoisonChallenge(poison);
        long discardedRow = insertPoisonChallenge(discarded);

        Map<String, Object> shown = awaitParked(admin, poisonRow);
        awaitParked(admin, discardedRow);
        assertThat(shown).containsEntry("aggregateType", "challenge")
            .containsEntry("aggregateId", poison.toString())
            .containsEntry("attempts", 3)
            .containsEntry("rejections", 3);
        assertThat((String) shown.get("lastError")).contains("closing_date");
        assertThat(shown.get("parkedAt")).isNotNull();
        assertThat(meters.get("launchpad.outbox.parked.total").functionCounter().count())
            .isGreaterThanOrEqualTo(parkedBefore + 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("launchpad.outbox.parked").gauge().value() >= 2);

        // a page of one, then the next from its cursor
        Map<String, Object> first = api.get()
            .uri(PARKED + "?limit=1")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(1);
        assertThat(first.get("nextCursor")).isNotNull();
        Map<String, Object> second = api.get()
            .uri(PARKED + "?limit=1&cursor={cursor}", first.get("nextCursor"))
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(((List<Map<String, Object>>) second.get("items")).getFirst().get("id"))
            .isNotEqualTo(((List<Map<String, Object>>) first.get("items")).getFirst().get("id"));

        // writes after the parked rows still reach the index
        Actor supplier = actor("supplier");
        String supplierId = (String) api.post()
            .uri("/api/v1/suppliers")
            .header("Authorization", supplier.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(supplierBody(supplier.organisationId(), "After Poison Ltd", "Damp sensors"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> elasticsearch("GET", "/launchpad-suppliers/_doc/" + supplierId).statusCode() == 200);

        // a reindex succeeds while they are parked
        api.mutate()
            .responseTimeout(Duration.ofMinutes(3))
            .build()
            .post()
            .uri("/api/v1/admin/reindex")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk();

        Map<String, Object> consistency = api.get()
            .uri("/api/v1/admin/index-consistency")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(consistency.get("consistent")).isEqualTo(false);
        assertThat(((Number) consistency.get("parkedOutboxRows")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat((List<Number>) consistency.get("parkedOutboxRowIds")).extracting(Number::longValue)
            .contains(poisonRow, discardedRow);

        // discarded: gone
        api.delete()
            .uri(PARKED + "/{id}", discardedRow)
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isNoContent();
        api.delete()
            .uri(PARKED + "/{id}", discardedRow)
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isNotFound();
        assertThat(count("matching_outbox where id = " + discardedRow)).isZero();

        // the cause fixed, then re-queued: it reaches the index and leaves the parked
        // list
        db.sql("update matching_outbox set payload = jsonb_set(payload, '{closingDate}', '\"2031-01-31\"') where id = :id")
            .bind("id", poisonRow)
            .fetch()
            .rowsUpdated()
            .block();
        api.post()
            .uri(PARKED + "/{id}/retry", poisonRow)
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isNoContent();
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> elasticsearch("GET", "/launchpad-challenges/_doc/" + poison).statusCode() == 200);
        assertThat(parkedIds(admin)).doesNotContain(poisonRow, discardedRow);
        api.post()
            .uri(PARKED + "/{id}/retry", poisonRow)
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isNotFound();
        // the document exists nowhere else: take it out of the shared index again
        elasticsearch("DELETE", "/launchpad-challenges/_doc/" + poison + "?refresh=true");
    }

    @Test
    void whileElasticsearchIsDownWritesSucceedAndNothingIsParked() throws Exception {
        Actor supplier = actor("supplier");
        String id;
        SharedComponents.stopElasticsearch();
        try {
            id = (String) api.post()
                .uri("/api/v1/suppliers")
                .header("Authorization", supplier.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(supplierBody(supplier.organisationId(), "Outage Ltd", "Telecare"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
            // more failed attempts than max-attempts (3) allows refusals
            await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> attemptsFor(id) > 3);
            Map<String, Object> row = db
                .sql("select rejections, parked_at, processed_at from matching_outbox where aggregate_id = :id")
                .bind("id", UUID.fromString(id))
                .fetch()
                .one()
                .block();
            assertThat(row).containsEntry("rejections", 0)
                .containsEntry("parked_at", null)
                .containsEntry("processed_at", null);
        }
        finally {
            SharedComponents.restartElasticsearch();
        }
        await().atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> elasticsearch("GET", "/launchpad-suppliers/_doc/" + id).statusCode() == 200);
    }

    private int attemptsFor(String aggregateId) {
        return db.sql("select attempts from matching_outbox where aggregate_id = :id")
            .bind("id", UUID.fromString(aggregateId))
            .map(row -> row.get("attempts", Integer.class))
            .one()
            .block();
    }

    /**
     * A draft challenge that exists nowhere but in the outbox, closing on a date no date
     * field can hold.
     */
    private long insertPoisonChallenge(UUID id) {
        String payload = """
                {"id":"%s","organisationId":"%s","organisationName":"Poison test","title":"Closes at the end of time",
                 "summary":"s","description":"d","categories":["repairs-and-maintenance"],"regions":["north-east"],
                 "status":"draft","closingDate":"+999999999-12-31","version":1,"updatedAt":"2026-01-01T00:00:00Z",
                 "requiredAccreditations":[]}""".formatted(id, UUID.randomUUID());
        return db.sql("""
                insert into matching_outbox (aggregate_type, aggregate_id, aggregate_version, payload)
                values ('challenge', :id, 1, cast(:payload as jsonb)) returning id""")
            .bind("id", id)
            .bind("payload", payload)
            .map(row -> row.get("id", Long.class))
            .one()
            .block();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitParked(String admin, long rowId) {
        return await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> parked(admin).stream()
                .filter(row -> ((Number) row.get("id")).longValue() == rowId)
                .findFirst()
                .orElse(null), Objects::nonNull);
    }

    private List<Long> parkedIds(String admin) {
        return parked(admin).stream().map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> parked(String admin) {
        return (List<Map<String, Object>>) api.get()
            .uri(PARKED + "?limit=100")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("items");
    }

    private HttpResponse<String> elasticsearch(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedComponents.elasticsearch().httpUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
