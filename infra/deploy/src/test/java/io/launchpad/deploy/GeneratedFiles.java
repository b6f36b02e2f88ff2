package io.launchpad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files made from another committed file (the production realm from the development
 * realm, the PrometheusRule from the alert rules) are committed too, since kubectl and
 * compose read them from a checkout; this keeps each in step with its source, or rewrites
 * it with -Ddeploy.update=true.
 */
final class GeneratedFiles {

    static final String REGENERATE = "./mvnw -B -pl matching,marketplace-api,web,infra/deploy verify -Ddeploy.update=true"
            + " -Dtest='io/launchpad/deploy/*Test' -Dsurefire.failIfNoSpecifiedTests=false";

    private GeneratedFiles() {
    }

    static void inStep(Path committed, String generated, Path source) {
        try {
            if (Boolean.getBoolean("deploy.update")) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, generated);
            }
            assertThat(Files.exists(committed)).as(committed + " exists (generate it: " + REGENERATE + ")").isTrue();
            assertThat(Files.readString(committed))
                .as(committed + " is out of step with " + source + "; regenerate with " + REGENERATE)
                .isEqualTo(generated);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
