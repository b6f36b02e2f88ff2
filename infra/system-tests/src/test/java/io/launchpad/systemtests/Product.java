package io.launchpad.systemtests;

import io.launchpad.infra.stack.LaunchpadStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

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
                stack = LaunchpadStack
                    .start(LaunchpadStack.Options.test(Files.createTempDirectory("launchpad-system")));
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
