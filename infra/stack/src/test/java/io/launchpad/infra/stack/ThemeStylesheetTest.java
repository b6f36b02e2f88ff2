package io.launchpad.infra.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login theme carries a copy of the site's stylesheet (compose and the Keycloak image
 * take the theme folder as it is); the copy must never drift from the web's own, or
 * sign-in stops looking like the site.
 */
class ThemeStylesheetTest {

    @Test
    void theLoginThemesStylesheetIsTheWebsOwn() throws Exception {
        Path root = ProjectPaths.root();
        assertThat(Files.readString(root.resolve("infra/keycloak/theme/launchpad/login/resources/css/site.css")))
            .as("copy web/src/main/resources/static/css/site.css into the theme")
            .isEqualTo(Files.readString(root.resolve("web/src/main/resources/static/css/site.css")));
    }

}
