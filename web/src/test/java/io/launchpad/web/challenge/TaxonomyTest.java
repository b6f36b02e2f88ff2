package io.launchpad.web.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class TaxonomyTest {

    private final Taxonomy taxonomy = new Taxonomy(
            ordered("damp-and-mould", "Damp and mould", "iot-and-sensors", "IoT and sensors"),
            ordered("north-west", "North West"), ordered("cyber-essentials", "Cyber Essentials"));

    @Test
    void labelsComeFromTheVocabularyWithAReadableFallback() {
        assertThat(taxonomy.categoryLabel("iot-and-sensors")).isEqualTo("IoT and sensors");
        assertThat(taxonomy.categoryLabel("new-thing")).isEqualTo("New thing");
        assertThat(taxonomy.regionLabel("north-west")).isEqualTo("North West");
    }

    @Test
    void optionsKeepTheConfiguredOrderAndMarkTheSelectedOne() {
        assertThat(taxonomy.categoryOptions("iot-and-sensors")).containsExactly(
                new Taxonomy.Option("damp-and-mould", "Damp and mould", false),
                new Taxonomy.Option("iot-and-sensors", "IoT and sensors", true));
    }

    @Test
    void unknownCodesAreDroppedFromTheFilterAndTheCursorIsKept() {
        var filter = taxonomy.known(new ChallengeFilter(null, "bogus", "north-west", "c1"));

        assertThat(filter).isEqualTo(new ChallengeFilter(null, null, "north-west", "c1"));
        assertThat(new Taxonomy(null, null, null).known(new ChallengeFilter(null, null, "x", null)))
            .isEqualTo(new ChallengeFilter(null, null, null, null));
    }

    @Test
    void oneInstanceServesEveryRequestSoNoneCanChangeIt() {
        assertThatThrownBy(() -> taxonomy.categories().put("x", "X")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(taxonomy.categories().keySet()).containsExactly("damp-and-mould", "iot-and-sensors");
    }

    @Test
    void aCopyServesForTheAnswersMaxAgeOrAnHourWhenItNamesNone() {
        assertThat(Taxonomies.maxAge(cacheControl("max-age=3600, public"))).isEqualTo(Duration.ofHours(1));
        assertThat(Taxonomies.maxAge(cacheControl("public, MAX-AGE=60"))).isEqualTo(Duration.ofSeconds(60));
        assertThat(Taxonomies.maxAge(cacheControl("public, s-maxage=60"))).isEqualTo(Taxonomies.DEFAULT_MAX_AGE);
        assertThat(Taxonomies.maxAge(new HttpHeaders())).isEqualTo(Taxonomies.DEFAULT_MAX_AGE);
    }

    private static HttpHeaders cacheControl(String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(value);
        return headers;
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            map.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return map;
    }

}
