package io.launchpad.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a Java 21+ runtime for the processes we fork (the Elasticsearch node needs 21+
 * bytecode support; the machines here default to Java 17).
 */
public final class Jdk {

    private static final int MINIMUM = 21;

    private Jdk() {
    }

    /**
     * The {@code java} executable of a 21+ runtime, preferring the one running this JVM.
     */
    public static Path java21OrNewer() {
        return home21OrNewer().resolve("bin/java");
    }

    /** The home folder of that runtime, as {@code JAVA_HOME} names it. */
    static Path home21OrNewer() {
        return findHome().orElseThrow(() -> new IllegalStateException(
                "No Java 21+ runtime found (checked this JVM, JAVA_HOME and /usr/lib/jvm). "
                        + "Install a JDK 21+ or set JAVA_HOME to one."));
    }

    static Optional<Path> findHome() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.sorted().forEach(candidates::add);
        }
        catch (IOException | RuntimeException notThere) {
            // no system JVM folder: only this JVM and JAVA_HOME count
        }
        return candidates.stream()
            .filter(home -> Files.isExecutable(home.resolve("bin/java")))
            .filter(home -> majorVersion(home) >= MINIMUM)
            .findFirst();
    }

    private static int majorVersion(Path home) {
        Path thisJvm = Path.of(System.getProperty("java.home"));
        if (home.equals(thisJvm)) {
            return Runtime.version().feature();
        }
        Path release = home.resolve("release");
        try {
            return Files.readAllLines(release)
                .stream()
                .filter(line -> line.startsWith("JAVA_VERSION="))
                .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                .map(version -> version.startsWith("1.") ? version.substring(2) : version)
                .map(version -> Integer.parseInt(version.split("[.+-]")[0]))
                .findFirst()
                .orElse(0);
        }
        catch (IOException | NumberFormatException unreadable) {
            return 0;
        }
    }

}
