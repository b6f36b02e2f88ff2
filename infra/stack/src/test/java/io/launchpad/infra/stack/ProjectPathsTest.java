package io.launchpad.infra.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProjectPathsTest {

    @Test
    void executableJarIsNamedWithTheVersionTheBuildWroteIn() {
        // a module that was never built: the message names the exact jar looked for
        assertThatThrownBy(() -> ProjectPaths.executableJar("no-such-module")).isInstanceOf(IllegalStateException.class)
            .hasMessageMatching(
                    "(?s).*no-such-module/target/no-such-module-\\d+\\.\\d+\\.\\d+[^@/]*-exec\\.jar is missing.*");
    }

}
