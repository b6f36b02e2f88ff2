package io.launchpad.systemtests;

import io.launchpad.infra.stack.LaunchpadStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The whole product (real Keycloak, PostgreSQL, Elasticsearch, API and web jars), once
 * per test JVM.
 */
final class Product {

    private static LaunchpadStack stack;

    private Product() {
    }

    static synchronized LaunchpadStack stack() {
        if (stack == null) {
            try {
                // challenges past their closing date are closed by a job that runs
                // every minute; a journey that waits for it should wait seconds
                stack = LaunchpadStack.start(LaunchpadStack.Options.test(Files.createTempDirectory("launchpad-system"))
                    .apiSettings(Map.of("LAUNCHPAD_CHALLENGES_CLOSINGINTERVAL", "PT2S")));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.printf("product started in %d ms; RSS MiB %s%n", stack.startMillis(), stack.residentMemoryMiB());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

}
