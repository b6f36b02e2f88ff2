package io.launchpad.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class PublicRoutesTest {

    @Test
    void publishedContentAndOpenDataNeedNoToken() {
        assertThat(PublicRoutes.isPublic(HttpMethod.GET, "/api/v1/challenges")).isTrue();
        assertThat(PublicRoutes.isPublic(HttpMethod.GET, "/api/v1/challenges/{id}")).isTrue();
        assertThat(PublicRoutes.isPublic(HttpMethod.GET, "/api/v1/open-data/ocds/bulk/{date}")).isTrue();
        assertThat(PublicRoutes.isPublic(HttpMethod.GET, "/api/v1/pilot-library/{id}")).isTrue();
        assertThat(PublicRoutes.isPublic(HttpMethod.POST, "/api/v1/notifications/unsubscribe")).isTrue();
    }

    @Test
    void aTemplateVariableStandsForOneSegmentOnly() {
        // the matches of a public challenge are the owner's business
        assertThat(PublicRoutes.isPublic(HttpMethod.GET, "/api/v1/challenges/{id}/matches")).isFalse();
        assertThat(PublicRoutes.isPublic(HttpMethod.GET, "/api/v1/board-roles/{id}/applications")).isFalse();
    }

    @Test
    void aPublicPathIsPublicOnlyForItsMethod() {
        assertThat(PublicRoutes.isPublic(HttpMethod.POST, "/api/v1/challenges")).isFalse();
        assertThat(PublicRoutes.isPublic(HttpMethod.DELETE, "/api/v1/challenges/{id}")).isFalse();
        assertThat(PublicRoutes.isPublic(HttpMethod.GET, "/api/v1/notifications/unsubscribe")).isFalse();
    }

}
