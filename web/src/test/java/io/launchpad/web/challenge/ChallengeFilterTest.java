package io.launchpad.web.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.DefaultUriBuilderFactory;

class ChallengeFilterTest {

    @Test
    void blankValuesFromTheFormAreNoFilter() {
        var filter = new ChallengeFilter(null, " ", "", null);

        assertThat(filter.category()).isNull();
        assertThat(filter.region()).isNull();
        assertThat(filter.isFirstPage()).isTrue();
        assertThat(filter.linkTo(null)).isEqualTo("/challenges");
        assertThat(apiUri(filter)).isEqualTo("http://api/api/v1/challenges?status=published&limit=20");
    }

    @Test
    void encodesOpaqueCursorsStrictlySoTheyArriveUnchanged() {
        var filter = new ChallengeFilter(null, "damp-and-mould", null, "a+b/c=&d");

        assertThat(apiUri(filter)).isEqualTo(
                "http://api/api/v1/challenges?status=published&limit=20&category=damp-and-mould&cursor=a%2Bb%2Fc%3D%26d");
        assertThat(filter.linkTo("n+1")).isEqualTo("/challenges?category=damp-and-mould&cursor=n%2B1");
    }

    private static String apiUri(ChallengeFilter filter) {
        return filter.toApiUri(new DefaultUriBuilderFactory("http://api").builder()).toString();
    }

}
