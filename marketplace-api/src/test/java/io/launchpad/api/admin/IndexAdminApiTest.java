package io.launchpad.api.admin;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.infra.stack.SharedComponents;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Objects;

/** The admin index endpoints over the real PostgreSQL and Elasticsearch node. */
class IndexAdminApiTest extends ApiTestBase {

    private static final String SUPPLIERS = "launchpad-suppliers";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onlyAdminsOperateTheIndexes() {
        for (String role : List.of("association", "supplier", "candidate")) {
            String bearer = TestTokens.user(role).bearer();
            api.post()
                .uri("/api/v1/admin/reindex")
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            api.get()
                .uri("/api/v1/admin/index-consistency")
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        api.post().uri("/api/v1/admin/reindex").exchange().expectStatus().isUnauthorized();
        api.get().uri("/api/v1/admin/index-consistency").exchange().expectStatus().isUnauthorized();
        api.get()
            .uri("/api/v1/admin/reindex/progress")
            .header("Authorization", TestTokens.user("supplier").bearer())
            .exchange()
            .expectStatus()
            .isForbidden();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAsynchronousReindexAnswersAtOnceAndItsProgressCountsEveryIndexThenGivesTheReport() throws Exception {
        String admin = TestTokens.user("admin").bearer();
        publishedSupplier("Progress Ltd " + UUID.randomUUID(), "Damp sensors for social homes");
        long suppliers = count("supplier_profile");

        var started = api.post()
            .uri("/api/v1/admin/reindex")
            .header("Authorization", admin)
            .header("Prefer", "respond-async")
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectHeader()
            .valueEquals("Location", "/api/v1/admin/reindex/progress")
            .expectHeader()
            .valueEquals("Preference-Applied", "respond-async")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(started.get("startedAt")).isNotNull();

        Map<String, Object> progress = await().atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> api.get()
                .uri("/api/v1/admin/reindex/progress")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody(), got -> Boolean.FALSE.equals(got.get("running")));
        assertThat(progress).containsEntry("running", false).containsEntry("failure", null);
        assertThat(progress.get("finishedAt")).isNotNull();
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) progress.get("indexes");
        assertThat(indexes).extracting(index -> index.get("alias"))
            .containsExactly(SUPPLIERS, "launchpad-challenges", "launchpad-candidates", "launchpad-board-roles");
        assertThat(indexes).allSatisfy(index -> assertThat(index).containsEntry("finished", true));
        assertThat(((Number) indexes.getFirst().get("done")).longValue()).isEqualTo(suppliers);
        Map<String, Object> report = (Map<String, Object>) progress.get("report");
        assertThat(((List<Map<String, Object>>) report.get("indexes")).getFirst().get("documents"))
            .isEqualTo(indexes.getFirst().get("done"));
        // recorded in PostgreSQL, so every instance behind the load balancer answers the
        // same
        assertThat(count("matching_reindex_progress where not running and progress->>'finishedAt' is not null"))
            .isEqualTo(1L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void reindexSwapsTheAliasWhileMatchesAreServedAndKeepsConcurrentWrites() throws Exception {
        String admin = TestTokens.user("admin").bearer();
        String marker = "zr" + UUID.randomUUID().toString().substring(0, 6);
        List<Supplier> suppliers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            suppliers
                .add(publishedSupplier("Damp Watch " + i + " " + marker, "Condensation and mould sensors " + marker));
        }
        Actor association = actor("association");
        Map<String, Object> body = challengeBody(association.organisationId(), "Mould in flats " + marker);
        body.put("description", "Sensors for condensation " + marker);
        String challenge = (String) api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        awaitMatches(challenge, association.bearer(), 6);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread readers = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                var result = api.get()
                    .uri("/api/v1/challenges/{id}/matches?limit=50", challenge)
                    .header("Authorization", association.bearer())
                    .exchange()
                    .returnResult(Map.class);
                if (result.getStatus().value() != 200) {
                    failures.add("status " + result.getStatus());
                }
                else if (((List<?>) result.getResponseBody().blockFirst().get("items")).size() < 6) {
                    failures.add("fewer matches than indexed");
                }
                served.incrementAndGet();
            }
        });
        Map<String, Object> report;
        try {
            CompletableFuture<Map<String, Object>> reindex = CompletableFuture.supplyAsync(() -> api.mutate()
                .responseTimeout(Duration.ofMinutes(3))
                .build()
                .post()
                .uri("/api/v1/admin/reindex")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody());
            // writes while the rebuild runs: each must end up in the index at its latest
            // version
            for (Supplier supplier : suppliers) {
                api.put()
                    .uri("/api/v1/suppliers/{id}", supplier.id())
                    .header("Authorization", supplier.actor().bearer())
                    .header("If-Match", "\"2\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(supplierBody(supplier.actor().organisationId(), "Renamed " + supplier.id(),
                            "Condensation and mould sensors " + marker))
                    .exchange()
                    .expectStatus()
                    .isOk();
            }
            report = reindex.get();
            // matches must keep coming from the swapped alias too, not only while the
            // rebuild ran
            int servedAtSwap = served.get();
            await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> served.get() >= servedAtSwap + 5);
        }
        finally {
            running.set(false);
            readers.join();
        }

        assertThat(failures).isEmpty();
        assertThat(served.get()).isGreaterThan(3);
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) report.get("indexes");
        assertThat(indexes).extracting(index -> index.get("alias"))
            .containsExactly(SUPPLIERS, "launchpad-challenges", "launchpad-candidates", "launchpad-board-roles");
        String newSuppliers = (String) indexes.getFirst().get("newIndex");
        assertThat(newSuppliers).startsWith(SUPPLIERS + "-v1-");
        assertThat(((Number) indexes.getFirst().get("documents")).longValue()).isGreaterThanOrEqualTo(6);
        assertThat(report.get("duration")).isNotNull();
        assertThat(elasticsearch("GET", "/_alias/" + SUPPLIERS).body()).contains("\"" + newSuppliers + "\"")
            .doesNotContain("\"" + indexes.getFirst().get("previousIndex") + "\"");

        for (Supplier supplier : suppliers) {
            awaitIndexedVersion(supplier.id(), 3);
        }
        Map<String, Object> consistency = api.get()
            .uri("/api/v1/admin/index-consistency")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        List<Map<String, Object>> differences = (List<Map<String, Object>>) consistency.get("differences");
        assertThat(differences).noneMatch(d -> suppliers.stream().anyMatch(s -> s.id().equals(d.get("id"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void consistencyCheckNamesMissingExtraAndStaleDocuments() throws Exception {
        String admin = TestTokens.user("admin").bearer();
        String marker = "zc" + UUID.randomUUID().toString().substring(0, 6);
        Supplier missing = publishedSupplier("Missing " + marker, "Retrofit surveys " + marker);
        Supplier stale = publishedSupplier("Stale " + marker, "Heat pumps " + marker);
        awaitIndexedVersion(missing.id(), 2);
        awaitIndexedVersion(stale.id(), 2);

        assertThat(elasticsearch("DELETE", "/" + SUPPLIERS + "/_doc/" + missing.id() + "?refresh=true").statusCode())
            .isEqualTo(200);
        String ghost = UUID.randomUUID().toString();
        assertThat(elasticsearch("PUT",
                "/" + SUPPLIERS + "/_doc/" + ghost + "?version=4&version_type=external&refresh=true",
                "{\"supplier_id\":\"" + ghost + "\",\"published\":true,\"version\":4}")
            .statusCode()).isEqualTo(201);
        // a change that bypassed the outbox: the database moves on, the index does not
        db.sql("update supplier_profile set version = version + 5 where id = :id")
            .bind("id", UUID.fromString(stale.id()))
            .fetch()
            .rowsUpdated()
            .block();

        Map<String, Object> report = api.get()
            .uri("/api/v1/admin/index-consistency")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

        assertThat(report.get("consistent")).isEqualTo(false);
        // nulls (the side a document is absent from) may or may not be serialised:
        // compare without them
        List<Map<String, Object>> differences = ((List<Map<String, Object>>) report.get("differences")).stream()
            .map(d -> {
                Map<String, Object> present = new HashMap<>(d);
                present.values().removeIf(Objects::isNull);
                return present;
            })
            .toList();
        assertThat(differences).contains(
                Map.of("alias", SUPPLIERS, "id", missing.id(), "kind", "MISSING_IN_INDEX", "databaseVersion", 2),
                Map.of("alias", SUPPLIERS, "id", ghost, "kind", "EXTRA_IN_INDEX", "indexVersion", 4), Map.of("alias",
                        SUPPLIERS, "id", stale.id(), "kind", "STALE_VERSION", "databaseVersion", 7, "indexVersion", 2));
        Map<String, Object> counts = ((List<Map<String, Object>>) report.get("indexes")).getFirst();
        assertThat(counts.get("alias")).isEqualTo(SUPPLIERS);
        assertThat(((Number) counts.get("missing")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) counts.get("extra")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) counts.get("stale")).intValue()).isGreaterThanOrEqualTo(1);

        // a reindex from PostgreSQL repairs all three
        api.mutate()
            .responseTimeout(Duration.ofMinutes(3))
            .build()
            .post()
            .uri("/api/v1/admin/reindex")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk();
        Map<String, Object> after = api.get()
            .uri("/api/v1/admin/index-consistency")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat((List<Map<String, Object>>) after.get("differences"))
            .noneMatch(d -> List.of(missing.id(), ghost, stale.id()).contains(d.get("id")));
    }

    private record Supplier(String id, Actor actor) {
    }

    private Supplier publishedSupplier(String name, String capabilities) {
        Actor supplier = actor("supplier");
        String id = (String) api.post()
            .uri("/api/v1/suppliers")
            .header("Authorization", supplier.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(supplierBody(supplier.organisationId(), name, capabilities))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        api.post()
            .uri("/api/v1/suppliers/{id}/publish", id)
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        return new Supplier(id, supplier);
    }

    private void awaitMatches(String challenge, String bearer, int atLeast) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var result = api.get()
                .uri("/api/v1/challenges/{id}/matches?limit=50", challenge)
                .header("Authorization", bearer)
                .exchange()
                .returnResult(Map.class);
            assertThat(result.getStatus().value()).isEqualTo(200);
            assertThat((List<?>) result.getResponseBody().blockFirst().get("items"))
                .as("suppliers the challenge matched")
                .hasSizeGreaterThanOrEqualTo(atLeast);
        });
    }

    private void awaitIndexedVersion(String id, long version) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> got = elasticsearch("GET", "/" + SUPPLIERS + "/_doc/" + id);
            assertThat(got.statusCode()).as("%s in the index", id).isEqualTo(200);
            assertThat(got.body()).as("%s in the index", id).contains("\"_version\":" + version + ",");
        });
    }

    private HttpResponse<String> elasticsearch(String method, String path) throws Exception {
        return elasticsearch(method, path, null);
    }

    private HttpResponse<String> elasticsearch(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create(SharedComponents.elasticsearch().httpUrl() + path))
            .header("Content-Type", "application/json");
        request.method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
