package io.launchpad.web.challenge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.launchpad.web.challenge.ApiJson.challenge;
import static io.launchpad.web.challenge.ApiJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;

import com.github.tomakehurst.wiremock.http.Fault;

import io.launchpad.web.ApiStub;
import io.launchpad.web.SignedInUsers;
import io.launchpad.web.TestClock;
import io.launchpad.web.WebPageTest;
import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The taxonomy comes from the API, fetched once and kept. Most tests build a
 * {@link Taxonomies} of their own over the context's API client, so each starts with
 * nothing held and its own clock; the page tests use the context's, whose clock is the
 * context's {@link TestClock}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaxonomiesTest extends WebPageTest {

    private static final String TAXONOMY = "/api/v1/taxonomy";

    private static final String ETAG = "\"" + ApiStub.taxonomy().get("version").asString() + "\"";

    @Autowired
    private LaunchpadApi api;

    @Autowired
    private Taxonomies pagesTaxonomies;

    @Autowired
    private TestClock pagesClock;

    private final TestClock clock = new TestClock();

    private Taxonomies fresh() {
        return new Taxonomies(api, clock);
    }

    /**
     * Whatever a test left the pages holding, the next test's pages get the taxonomy the
     * API really serves.
     */
    @AfterEach
    void pagesHoldTheRealTaxonomyAgain() {
        ApiStub.reset();
        pagesClock.advance(Duration.ofHours(2));
        assertThat(pagesTaxonomies.current().block().categoryLabel("damp-and-mould")).isEqualTo("Damp and mould");
    }

    @Test
    void categoriesRegionsAndAccreditationsAreTheApisInTheApisOrder() {
        Taxonomy taxonomy = fresh().current().block();

        JsonNode served = ApiStub.taxonomy().get("vocabularies");
        assertThat(taxonomy.categories()).containsExactlyEntriesOf(labels(served.get("category")));
        assertThat(taxonomy.regions()).containsExactlyEntriesOf(labels(served.get("region")));
        assertThat(taxonomy.accreditations()).containsExactlyEntriesOf(labels(served.get("accreditation")));
        assertThat(taxonomy.categories()).containsEntry("damp-and-mould", "Damp and mould").hasSizeGreaterThan(5);
        assertThat(taxonomy.regions()).containsEntry("north-west", "North West");
        assertThat(taxonomy.accreditations()).containsEntry("cyber-essentials-plus", "Cyber Essentials Plus");
    }

    @Test
    void oneFetchServesTheRequestsThatArriveWhileItRunsAndThoseAfterIt() {
        // slow enough that all twenty ask while the one fetch is still waiting
        ApiStub.SERVER
            .stubFor(get(urlPathEqualTo(TAXONOMY)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "max-age=3600, public")
                .withBody(ApiStub.taxonomy().toString())
                .withFixedDelay(300)));
        Taxonomies taxonomies = fresh();

        List<Taxonomy> concurrent = Flux.range(0, 20).flatMap(i -> taxonomies.current()).collectList().block();
        clock.advance(Duration.ofMinutes(59));
        List<Taxonomy> later = Flux.range(0, 5).concatMap(i -> taxonomies.current()).collectList().block();

        assertThat(concurrent).hasSize(20).allSatisfy(t -> assertThat(t.regionLabel("london")).isEqualTo("London"));
        assertThat(later).hasSize(5).allSatisfy(t -> assertThat(t).isSameAs(concurrent.getFirst()));
        ApiStub.SERVER.verify(exactly(1), getRequestedFor(urlPathEqualTo(TAXONOMY)));
    }

    @Test
    void aChangeAtTheApiShowsOnceTheCopyIsOlderThanTheAnswersMaxAge() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo(TAXONOMY))
            .willReturn(json(ApiStub.taxonomy().toString()).withHeader("Cache-Control", "public, max-age=60")));
        Taxonomies taxonomies = fresh();
        taxonomies.current().block();
        ApiStub.stubTaxonomy(relabelled("damp-and-mould", "Damp, mould and condensation"));

        clock.advance(Duration.ofSeconds(59));
        assertThat(taxonomies.current().block().categoryLabel("damp-and-mould")).isEqualTo("Damp and mould");
        clock.advance(Duration.ofSeconds(1));
        assertThat(taxonomies.current().block().categoryLabel("damp-and-mould"))
            .isEqualTo("Damp, mould and condensation");
        ApiStub.SERVER.verify(exactly(2), getRequestedFor(urlPathEqualTo(TAXONOMY)));
    }

    @Test
    void anAnswerThatNamesNoMaxAgeServesForAnHour() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo(TAXONOMY)).willReturn(json(ApiStub.taxonomy().toString())));
        Taxonomies taxonomies = fresh();
        taxonomies.current().block();

        clock.advance(Duration.ofMinutes(59));
        taxonomies.current().block();
        ApiStub.SERVER.verify(exactly(1), getRequestedFor(urlPathEqualTo(TAXONOMY)));
        clock.advance(Duration.ofMinutes(1));
        taxonomies.current().block();
        ApiStub.SERVER.verify(exactly(2), getRequestedFor(urlPathEqualTo(TAXONOMY)));
    }

    @Test
    void aStaleCopyIsRevalidatedWithItsETagAndANotModifiedKeepsItForAnotherMaxAge() {
        Taxonomies taxonomies = fresh();
        Taxonomy first = taxonomies.current().block();
        ApiStub.SERVER.stubFor(get(urlPathEqualTo(TAXONOMY)).withHeader("If-None-Match", equalTo(ETAG))
            .willReturn(
                    aResponse().withStatus(304).withHeader("ETag", ETAG).withHeader("Cache-Control", "max-age=600")));

        clock.advance(Duration.ofHours(1));
        Taxonomy revalidated = taxonomies.current().block();
        clock.advance(Duration.ofSeconds(599));
        taxonomies.current().block();

        assertThat(revalidated).isSameAs(first);
        ApiStub.SERVER.verify(exactly(1),
                getRequestedFor(urlPathEqualTo(TAXONOMY)).withHeader("If-None-Match", absent()));
        ApiStub.SERVER.verify(exactly(1),
                getRequestedFor(urlPathEqualTo(TAXONOMY)).withHeader("If-None-Match", equalTo(ETAG)));
        ApiStub.SERVER.verify(exactly(2), getRequestedFor(urlPathEqualTo(TAXONOMY)));
    }

    @Test
    void whenARefreshFailsTheLastGoodCopyServesAndTheApiIsAskedAgainAMinuteLater(CapturedOutput output) {
        Taxonomies taxonomies = fresh();
        taxonomies.current().block();
        ApiStub.SERVER
            .stubFor(get(urlPathEqualTo(TAXONOMY)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        clock.advance(Duration.ofHours(1));
        Taxonomy whileDown = taxonomies.current().block();
        clock.advance(Taxonomies.RETRY_AFTER_FAILURE.minusSeconds(1));
        taxonomies.current().block();

        assertThat(whileDown.categoryLabel("damp-and-mould")).isEqualTo("Damp and mould");
        ApiStub.SERVER.verify(exactly(2), getRequestedFor(urlPathEqualTo(TAXONOMY)));
        // structured: what failed, which copy serves meanwhile and when the API is asked
        // again, as fields of their own
        assertThat(output).contains("Could not refresh the taxonomy from the API", "Connection reset by peer",
                "servedVersion", ApiStub.taxonomy().get("version").asString(), "retryAfterSeconds");

        ApiStub.stubTaxonomy(relabelled("damp-and-mould", "Damp, mould and condensation"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(taxonomies.current().block().categoryLabel("damp-and-mould"))
            .isEqualTo("Damp, mould and condensation");
        ApiStub.SERVER.verify(exactly(3), getRequestedFor(urlPathEqualTo(TAXONOMY)));
    }

    @Test
    void anAnswerMissingAVocabularyIsABrokenAnswerNotAnEmptyList() {
        Taxonomies taxonomies = fresh();
        taxonomies.current().block();
        ObjectNode broken = ApiStub.taxonomy();
        ((ObjectNode) broken.get("vocabularies")).remove("region");
        ApiStub.stubTaxonomy(broken);

        clock.advance(Duration.ofHours(1));

        assertThat(taxonomies.current().block().regionLabel("north-west")).isEqualTo("North West");
        assertThatThrownBy(() -> fresh().current().block()).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("no vocabulary region");
    }

    @Test
    void withNoCopyYetAFailureIsTheApiUnavailableAndTheNextRequestAsksAgain() {
        ApiStub.SERVER
            .stubFor(get(urlPathEqualTo(TAXONOMY)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Taxonomies taxonomies = fresh();

        assertThatThrownBy(() -> taxonomies.current().block()).isInstanceOfSatisfying(ApiProblemException.class, e -> {
            assertThat(e.isUnavailable()).isTrue();
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        });
        ApiStub.stubTaxonomy(ApiStub.taxonomy());
        assertThat(taxonomies.current().block().categoryLabel("damp-and-mould")).isEqualTo("Damp and mould");
        ApiStub.SERVER.verify(exactly(2), getRequestedFor(urlPathEqualTo(TAXONOMY)));
    }

    @Test
    void aPageShowsTheLabelsTheApiGivesAndAsksForThemWithoutTheUsersToken() {
        ApiStub.stubTaxonomy(relabelled("damp-and-mould", "Damp, mould and condensation"));
        pagesClock.advance(Duration.ofHours(2)); // past whatever copy an earlier test
                                                 // left
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges")).willReturn(json("""
                {"items":[%s],"nextCursor":null}
                """.formatted(challenge("ch-1", "org-1", "Cut damp reports")))));

        Document page = Jsoup.parse(pageAs(signedIn("ada", "Ada Owner"), "/challenges"));

        assertThat(page.selectFirst("[data-testid=challenge-item]").text()).contains("Damp, mould and condensation");
        assertThat(page.select("#category option[value=damp-and-mould]").text())
            .isEqualTo("Damp, mould and condensation");
        // the page's own call carries the user's token, the taxonomy's does not
        ApiStub.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/v1/challenges")).withHeader("Authorization",
                equalTo("Bearer " + SignedInUsers.ACCESS_TOKEN)));
        ApiStub.SERVER.verify(exactly(1),
                getRequestedFor(urlPathEqualTo(TAXONOMY)).withHeader("Authorization", absent()));
        ApiStub.SERVER.verify(exactly(1), getRequestedFor(urlPathEqualTo(TAXONOMY)));
    }

    @Test
    void aPageStillShowsWhileTheTaxonomyCannotBeRefreshed() {
        pagesTaxonomies.current().block();
        ApiStub.SERVER
            .stubFor(get(urlPathEqualTo(TAXONOMY)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        pagesClock.advance(Duration.ofHours(2));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges")).willReturn(json("""
                {"items":[%s],"nextCursor":null}
                """.formatted(challenge("ch-1", "org-1", "Cut damp reports")))));

        String body = web.get()
            .uri("/challenges")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

        assertThat(Jsoup.parse(body).selectFirst("[data-testid=challenge-item]").text()).contains("Damp and mould");
        ApiStub.SERVER.verify(exactly(1), getRequestedFor(urlPathEqualTo(TAXONOMY)));
    }

    private static ObjectNode relabelled(String category, String label) {
        ObjectNode taxonomy = ApiStub.taxonomy();
        taxonomy.put("version", "housing-taxonomy-test");
        taxonomy.get("vocabularies").get("category").forEach(term -> {
            if (term.get("code").asString().equals(category)) {
                ((ObjectNode) term).put("label", label);
            }
        });
        return taxonomy;
    }

    private static Map<String, String> labels(JsonNode terms) {
        Map<String, String> labels = new LinkedHashMap<>();
        terms.forEach(term -> labels.put(term.get("code").asString(), term.get("label").asString()));
        return labels;
    }

}
