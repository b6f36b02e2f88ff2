package io.launchpad.api.opendata;

import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 1: published challenges, awards and pilots as OCDS 1.1 releases and
 * records, a daily bulk file and CSV, every package valid against the OCDS 1.1.5 schema,
 * no personal data, withdrawn challenges marked, drafts absent; public, cacheable and
 * never a 5xx on bad filters.
 */
class OpenDataApiTest extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Challenges challenges;

    @Test
    void aChallengesLifeIsPublishedAsValidOcdsReleasesRecordsBulkFilesAndCsvWithoutPersonalData() {
        Instant start = Instant.now().minusSeconds(1);
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        identifiers(association, Map.of("socialHousingEngland", "L4426", "mutualsNumber", "31367R"));
        identifiers(supplier, Map.of("companyNumber", "01234567"));

        String awarded = published(association, "Damp sensing in 200 homes", "Works without broadband");
        String response = submitted(awarded, supplier);
        close(awarded);
        String pilot = (String) post("/api/v1/challenges/" + awarded + "/award", association,
                Map.of("responseId", response))
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("pilotId");
        Map<?, ?> withMilestone = post("/api/v1/pilots/" + pilot + "/milestones", association,
                Map.of("title", "Sensors installed", "dueOn", LocalDate.now().plusDays(3).toString()))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        String milestone = (String) ((Map<?, ?>) ((List<?>) withMilestone.get("milestones")).getFirst()).get("id");
        put("/api/v1/pilots/" + pilot + "/milestones/" + milestone, supplier, Map.of("status", "done")).expectStatus()
            .isOk();
        Map<?, ?> withOutcome = post("/api/v1/pilots/" + pilot + "/outcomes", association, Map.of("measure",
                "Damp and mould reports", "unit", "reports per 1,000 homes", "baseline", 14, "target", 7))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        String outcome = (String) ((Map<?, ?>) ((List<?>) withOutcome.get("outcomes")).getFirst()).get("id");
        put("/api/v1/pilots/" + pilot + "/outcomes/" + outcome, supplier, Map.of("actual", 6)).expectStatus().isOk();
        post("/api/v1/pilots/" + pilot + "/complete", association, Map.of("finalReport", "Reports halved"))
            .expectStatus()
            .isOk();

        String withdrawn = published(association, "=HYPERLINK(\"http://evil.example\",\"Click\")", "Anything");
        post("/api/v1/challenges/" + withdrawn + "/withdraw", association, null).expectStatus().isOk();
        String draft = (String) post("/api/v1/challenges", association,
                challengeBody(association.organisationId(), "A draft nobody may see"))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");

        // the list, two at a time, following links.next to the end; every page a valid
        // release package
        List<JsonNode> releases = new ArrayList<>();
        String next = "/api/v1/open-data/ocds/releases?since=" + start + "&limit=2";
        int pages = 0;
        while (next != null) {
            String body = api.get()
                .uri(next)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
            assertThat(OcdsSchemas.problems(OcdsSchemas.RELEASE_PACKAGE, body)).as("page %d: %s", pages, body)
                .isEmpty();
            noPersonalData(body, association, supplier);
            JsonNode page = JSON.readTree(body);
            page.get("releases").forEach(releases::add);
            next = page.has("links") ? page.get("links").get("next").asString() : null;
            pages++;
        }
        String ocid = "ocds-lnchpd-" + awarded;
        List<JsonNode> awardedReleases = releases.stream().filter(r -> r.get("ocid").asString().equals(ocid)).toList();
        assertThat(awardedReleases).extracting(r -> r.get("tag").get(0).asString())
            .containsExactly("tender", "tenderUpdate", "award", "contract", "implementation");
        assertThat(pages).isGreaterThanOrEqualTo(4);
        List<JsonNode> withdrawnReleases = releases.stream()
            .filter(r -> r.get("ocid").asString().equals("ocds-lnchpd-" + withdrawn))
            .toList();
        assertThat(withdrawnReleases).extracting(r -> r.get("tag").get(0).asString())
            .containsExactly("tender", "tenderCancellation");
        assertThat(withdrawnReleases.getLast().get("tender").get("status").asString()).isEqualTo("cancelled");
        assertThat(releases).noneMatch(r -> r.get("ocid").asString().endsWith(draft));
        // the releases are in date order, and the pages did not repeat one
        assertThat(releases.stream().map(r -> r.get("id").asString()).distinct().count()).isEqualTo(releases.size());

        JsonNode implementation = awardedReleases.getLast();
        JsonNode buyer = implementation.get("parties").get(0);
        assertThat(buyer.get("roles").toString()).contains("buyer");
        assertThat(buyer.get("identifier").get("scheme").asString()).isEqualTo("GB-MPR");
        assertThat(buyer.get("additionalIdentifiers").get(0).get("scheme").asString()).isEqualTo("GB-SHPE");
        assertThat(buyer.get("additionalIdentifiers").get(0).get("id").asString()).isEqualTo("L4426");
        JsonNode winner = implementation.get("parties").get(1);
        assertThat(winner.get("identifier").get("scheme").asString()).isEqualTo("GB-COH");
        assertThat(implementation.get("awards").get(0).get("value").get("amount").asInt()).isEqualTo(40_000);
        assertThat(implementation.get("tender").get("eligibilityCriteria").asString())
            .contains("Works without broadband");
        JsonNode contract = implementation.get("contracts").get(0);
        assertThat(contract.get("status").asString()).isEqualTo("terminated");
        JsonNode milestones = contract.get("implementation").get("milestones");
        assertThat(milestones.get(0).get("status").asString()).isEqualTo("met");
        assertThat(milestones.get(1).get("code").asString()).isEqualTo("outcome-measure");
        assertThat(milestones.get(1).get("status").asString()).isEqualTo("met");
        assertThat(milestones.get(1).get("description").asString())
            .isEqualTo("Baseline 14, target 7, actual 6 (reports per 1,000 homes)");
        // a contract release before completion says nothing of the pilot's working
        assertThat(awardedReleases.get(3).get("contracts").get(0).has("implementation")).isFalse();

        // the record: every release and the compiled state, valid against the record
        // package schema
        String record = api.get()
            .uri("/api/v1/open-data/ocds/records/{ocid}", ocid)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(OcdsSchemas.problems(OcdsSchemas.RECORD_PACKAGE, record)).as(record).isEmpty();
        JsonNode compiled = JSON.readTree(record).get("records").get(0).get("compiledRelease");
        assertThat(compiled.get("tag").get(0).asString()).isEqualTo("compiled");
        assertThat(compiled.get("contracts").get(0).get("status").asString()).isEqualTo("terminated");
        api.get()
            .uri("/api/v1/open-data/ocds/records/{ocid}", "ocds-lnchpd-" + draft)
            .exchange()
            .expectStatus()
            .isNotFound();

        // today's bulk file holds them all; /bulk redirects to it
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        api.get()
            .uri("/api/v1/open-data/ocds/bulk")
            .exchange()
            .expectStatus()
            .isFound()
            .expectHeader()
            .valueEquals(HttpHeaders.LOCATION, "/api/v1/open-data/ocds/bulk/" + today);
        String bulk = api.get()
            .uri("/api/v1/open-data/ocds/bulk/{day}", today)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(OcdsSchemas.problems(OcdsSchemas.RELEASE_PACKAGE, bulk)).isEmpty();
        assertThat(bulk).contains(ocid + "-implementation", "ocds-lnchpd-" + withdrawn + "-withdrawn");
        assertThat(JSON
            .readTree(api.get()
                .uri("/api/v1/open-data/ocds/bulk/2001-01-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody())
            .get("releases")
            .size()).isZero();

        // CSV for spreadsheets: a row per challenge, a row per outcome measure; no
        // formula gets through
        String csv = api.get()
            .uri("/api/v1/open-data/challenges.csv")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith("text/csv")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(csv).startsWith("ocid,title,buyer,buyer_identifiers,status");
        String row = csv.lines().filter(line -> line.startsWith(ocid + ",")).findFirst().orElseThrow();
        assertThat(row).contains("Damp sensing in 200 homes", "GB-MPR:31367R; GB-SHPE:L4426", "awarded",
                "GB-COH:01234567", "40000", "completed", "met");
        assertThat(csv)
            .contains("ocds-lnchpd-" + withdrawn + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"")
            .doesNotContain(draft);
        noPersonalData(csv, association, supplier);
        String outcomes = api.get()
            .uri("/api/v1/open-data/pilot-outcomes.csv")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(outcomes.lines().filter(line -> line.startsWith(ocid + ","))).singleElement()
            .asString()
            .endsWith("Damp and mould reports,\"reports per 1,000 homes\",14,7,6,yes");
    }

    @Test
    void openDataIsCacheableAndRefusesBadFiltersWithAProblemNamingTheField() {
        String uri = "/api/v1/open-data/ocds/releases?since=2001-01-01&until=2001-02-01";
        String etag = api.get()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueMatches(HttpHeaders.CACHE_CONTROL, ".*public.*")
            .returnResult(String.class)
            .getResponseHeaders()
            .getETag();
        assertThat(etag).isNotBlank();
        api.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified();
        String csvEtag = api.get()
            .uri("/api/v1/open-data/challenges.csv")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getETag();
        api.get()
            .uri("/api/v1/open-data/challenges.csv")
            .header(HttpHeaders.IF_NONE_MATCH, csvEtag)
            .exchange()
            .expectStatus()
            .isNotModified();

        refused("/api/v1/open-data/ocds/releases?since=2026-13-01", "since");
        refused("/api/v1/open-data/ocds/releases?since=yesterday", "since");
        refused("/api/v1/open-data/ocds/releases?since=1066-10-14", "since");
        refused("/api/v1/open-data/ocds/releases?since=2026-12-01&until=2026-11-01", "until");
        refused("/api/v1/open-data/ocds/releases?until=2026-12-01T25:00:00Z", "until");
        refused("/api/v1/open-data/ocds/releases?cursor=not-a-cursor", "cursor");
        refused("/api/v1/open-data/ocds/releases?limit=0", "limit");
        refused("/api/v1/open-data/ocds/releases?limit=100000", "limit");
        refused("/api/v1/open-data/ocds/bulk/2999-01-01", "day");
        refused("/api/v1/open-data/ocds/bulk/last-tuesday", "day");
        api.get()
            .uri("/api/v1/open-data/ocds/records/ocds-other-123")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get()
            .uri("/api/v1/open-data/ocds/records/ocds-lnchpd-{id}", UUID.randomUUID())
            .exchange()
            .expectStatus()
            .isNotFound();
    }

    private void refused(String uri, String field) {
        api.get()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo(field);
    }

    private static void noPersonalData(String body, Actor... people) {
        for (Actor person : people) {
            assertThat(body).doesNotContain(person.user().subject());
        }
        assertThat(body).doesNotContain("@example", "subject", "evaluator");
    }

    private void identifiers(Actor member, Map<String, String> numbers) {
        put("/api/v1/organisations/" + member.organisationId() + "/identifiers", member, numbers).expectStatus().isOk();
    }

    private String published(Actor association, String title, String essential) {
        Map<String, Object> body = challengeBody(association.organisationId(), title);
        body.put("essentialRequirements", List.of(essential));
        body.put("pilotLengthWeeks", 12);
        String id = (String) post("/api/v1/challenges", association, body).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/challenges/" + id + "/publish", association, null).expectStatus().isOk();
        return id;
    }

    private String submitted(String challengeId, Actor supplier) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", supplier.organisationId().toString());
        body.put("approach", "Install sensors, alert the repairs team");
        body.put("evidence", Map.of("E1", "Runs on LoRaWAN"));
        body.put("pricePounds", 40_000);
        body.put("availability", "From next month");
        String id = (String) post("/api/v1/challenges/" + challengeId + "/responses", supplier, body).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/responses/" + id + "/submit", supplier, null).expectStatus().isOk();
        return id;
    }

    private void close(String challengeId) {
        db.sql("update challenge set closing_date = current_date - 1, questions_close_on = current_date - 2 where id = :id")
            .bind("id", UUID.fromString(challengeId))
            .then()
            .block();
        challenges.closeDue().block();
    }

}
