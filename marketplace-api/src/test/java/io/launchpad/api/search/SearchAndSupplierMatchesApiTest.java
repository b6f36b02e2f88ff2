package io.launchpad.api.search;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.infra.stack.SharedComponents;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Public faceted search and a supplier's own matches, against the real Elasticsearch
 * node.
 */
class SearchAndSupplierMatchesApiTest extends ApiTestBase {

    @Test
    void aSupplierSeesOpenChallengesRankedWithReasonsAndNobodyElseDoes() {
        String marker = "zs" + UUID.randomUUID().toString().substring(0, 6);
        Actor supplier = actor("supplier");
        String profile = createSupplier(supplier, "Warm Homes " + marker,
                "Fuel poverty retrofit, loft insulation and energy advice " + marker, true,
                List.of("energy-retrofit-and-fuel-poverty"));
        Actor association = actor("association");
        Map<String, Object> body = challengeBody(association.organisationId(), "Insulate our coldest homes " + marker);
        body.put("categories", List.of("energy-retrofit-and-fuel-poverty"));
        body.put("description", "Loft insulation and fuel poverty advice " + marker);
        String challenge = createChallenge(association, body, true);

        // the person's own profiles, so a client can link to "challenges for your
        // profile" without an id
        api.get()
            .uri("/api/v1/me/supplier-profiles")
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(1)
            .jsonPath("$.items[0].id")
            .isEqualTo(profile);
        api.get()
            .uri("/api/v1/me/supplier-profiles")
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
        api.get().uri("/api/v1/me/supplier-profiles").exchange().expectStatus().isUnauthorized();

        Map<String, Object> best = eventually(() -> {
            var result = api.get()
                .uri("/api/v1/suppliers/{id}/matches", profile)
                .header("Authorization", supplier.bearer())
                .exchange()
                .returnResult(Map.class);
            if (result.getStatus().value() != 200) {
                return null;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) result.getResponseBody()
                .blockFirst()
                .get("items");
            return items.stream().filter(item -> challenge.equals(item.get("challengeId"))).findFirst().orElse(null);
        });
        assertThat((Integer) best.get("score")).isBetween(1, 100);
        @SuppressWarnings("unchecked")
        Map<String, Object> reasons = (Map<String, Object>) best.get("reasons");
        assertThat(reasons.get("matchedCategories")).isEqualTo(List.of("energy-retrofit-and-fuel-poverty"));
        assertThat(reasons.get("regionsMet")).isEqualTo(List.of("north-east"));
        assertThat(reasons).containsKeys("semanticCloseness", "closeness", "accreditationsMet", "accreditationsMissing",
                "regionsMissing", "completedPilots", "parts");
        assertThat(best.get("highlights").toString()).contains("marked=true");

        api.get()
            .uri("/api/v1/suppliers/{id}/matches", profile)
            .header("Authorization", actor("supplier").bearer())
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get()
            .uri("/api/v1/suppliers/{id}/matches", profile)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isForbidden();
        api.get().uri("/api/v1/suppliers/{id}/matches", profile).exchange().expectStatus().isUnauthorized();
        api.get()
            .uri("/api/v1/suppliers/{id}/matches", profile)
            .header("Authorization", TestTokens.user("admin").bearer())
            .exchange()
            .expectStatus()
            .isOk();
        api.get()
            .uri("/api/v1/suppliers/{id}/matches?mode=magic", profile)
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("mode")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("one-of");
        api.get()
            .uri("/api/v1/suppliers/{id}/matches?mode=bm25", profile)
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.mode")
            .isEqualTo("bm25");
    }

    @Test
    void searchIsPublicUsesSynonymsAndCountsFacets() {
        String marker = "zt" + UUID.randomUUID().toString().substring(0, 6);
        Actor supplier = actor("supplier");
        String profile = createSupplier(supplier, "Condensation Watch " + marker,
                "Humidity sensors that spot condensation early " + marker, true, List.of("damp-and-mould"));
        createSupplier(actor("supplier"), "Draft Condensation " + marker, "Condensation sensors " + marker, false);

        Map<?, ?> page = eventually(() -> {
            Map<?, ?> found = api.get()
                .uri("/api/v1/search/suppliers?q=mould {m}&region=north-east", marker)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
            // other test classes share the index: wait for this profile, not for any hit
            return ((List<?>) found.get("items")).stream()
                .anyMatch(item -> profile.equals(((Map<?, ?>) item).get("supplierId"))) ? found : null;
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).extracting(item -> item.get("supplierId")).contains(profile);
        assertThat(items).extracting(item -> item.get("name")).noneMatch(name -> name.toString().startsWith("Draft"));
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> facets = (Map<String, List<Map<String, Object>>>) page.get("facets");
        assertThat(facets.keySet()).containsExactly("category", "region", "accreditation", "size");
        assertThat(facets.get("region")).filteredOn(f -> f.get("code").equals("north-east"))
            .singleElement()
            .satisfies(f -> {
                assertThat(((Number) f.get("count")).longValue()).isGreaterThanOrEqualTo(1);
                assertThat(f.get("selected")).isEqualTo(true);
            });
        assertThat(facets.get("category")).filteredOn(f -> f.get("code").equals("damp-and-mould"))
            .singleElement()
            .satisfies(f -> assertThat(((Number) f.get("count")).longValue()).isGreaterThanOrEqualTo(1));

        api.get()
            .uri("/api/v1/search/challenges?category=cyber-security&region=london,remote")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.facets.category")
            .isArray()
            .jsonPath("$.facets.region")
            .isArray();
    }

    @Test
    void badSearchInputIsA400NamingTheParameterAndTheRule() {
        badRequest("/api/v1/search/suppliers?region=atlantis", "region", "known-code");
        badRequest("/api/v1/search/suppliers?accreditation=iso-0", "accreditation", "known-code");
        badRequest("/api/v1/search/suppliers?size=gigantic", "size", "known-code");
        badRequest("/api/v1/search/challenges?category=knitting", "category", "known-code");
        badRequest("/api/v1/search/challenges?q=" + "a".repeat(501), "q", "length");
        badRequest("/api/v1/search/challenges?limit=0", "limit", "range");
        badRequest("/api/v1/search/challenges?cursor=not-a-cursor", "cursor", "valid-cursor");
    }

    @Test
    void searchAnswers503WithRetryAfterWhileElasticsearchIsDown() {
        SharedComponents.stopElasticsearch();
        try {
            api.get()
                .uri("/api/v1/search/suppliers?q=anything")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .exists("Retry-After")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        finally {
            SharedComponents.restartElasticsearch();
        }
    }

    private void badRequest(String uri, String field, String rule) {
        api.get()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo(field)
            .jsonPath("$.errors[0].rule")
            .isEqualTo(rule);
    }

    private String createSupplier(Actor supplier, String name, String capabilities, boolean publish) {
        return createSupplier(supplier, name, capabilities, publish, List.of());
    }

    /**
     * {@code categories}: what the supplier declares; matching credits category agreement
     * only for these.
     */
    private String createSupplier(Actor supplier, String name, String capabilities, boolean publish,
            List<String> categories) {
        Map<String, Object> body = supplierBody(supplier.organisationId(), name, capabilities);
        body.put("categories", categories);
        String id = (String) api.post()
            .uri("/api/v1/suppliers")
            .header("Authorization", supplier.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        if (publish) {
            api.post()
                .uri("/api/v1/suppliers/{id}/publish", id)
                .header("Authorization", supplier.bearer())
                .exchange()
                .expectStatus()
                .isOk();
        }
        return id;
    }

    private String createChallenge(Actor association, Map<String, Object> body, boolean publish) {
        String id = (String) api.post()
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
        if (publish) {
            api.post()
                .uri("/api/v1/challenges/{id}/publish", id)
                .header("Authorization", association.bearer())
                .exchange()
                .expectStatus()
                .isOk();
        }
        return id;
    }

    /**
     * The first non-null answer of {@code poll}: the index serves a write a moment after
     * it commits.
     */
    private static <T> T eventually(Supplier<T> poll) {
        return await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(poll::get, Objects::nonNull);
    }

}
