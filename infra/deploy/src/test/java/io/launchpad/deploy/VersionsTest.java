package io.launchpad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Production runs the Elasticsearch and Keycloak versions the build tests against (the
 * parent pom's elasticsearch.version and keycloak.version): one place to bump, and the
 * deployment files cannot be left behind.
 */
class VersionsTest {

    @Test
    void elasticsearchAndKeycloakVersionsFollowTheParentPom() throws IOException {
        String pom = Files.readString(DeployFiles.REPOSITORY.resolve("pom.xml"));
        String elasticsearch = property(pom, "elasticsearch.version");
        String keycloak = property(pom, "keycloak.version");

        String compose = Files.readString(DeployFiles.MODULE.resolve("compose/compose.yaml"));
        assertThat(compose).contains("${ELASTICSEARCH_VERSION:-" + elasticsearch + "}",
                "${KEYCLOAK_VERSION:-" + keycloak + "}");

        for (String overlay : DeployFiles.OVERLAYS) {
            List<Map<String, Object>> objects = DeployFiles.rendered(overlay);
            assertThat(objects).filteredOn(o -> "Elasticsearch".equals(o.get("kind")))
                .allSatisfy(es -> assertThat(DeployFiles.at(es, "spec").get("version")).as(overlay)
                    .isEqualTo(elasticsearch));
        }

        Dockerfile image = Dockerfile.read(DeployFiles.MODULE.resolve("images/keycloak/Dockerfile"));
        assertThat(image.stages())
            .allSatisfy(stage -> assertThat(stage.from()).startsWith("quay.io/keycloak/keycloak:" + keycloak));
        assertThat(image.finalStage().all("USER")).singleElement()
            .satisfies(user -> assertThat(user.arguments()).matches("[1-9][0-9]*"));
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as(name + " in the parent pom").isTrue();
        return matcher.group(1).strip();
    }

}
