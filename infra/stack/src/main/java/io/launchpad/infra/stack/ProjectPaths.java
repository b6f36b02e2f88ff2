package io.launchpad.infra.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Locates the checkout the stack runs from: tests run with a module folder as working
 * directory, the run command with the top level, and both need the built component
 * distributions.
 */
public final class ProjectPaths {

    private ProjectPaths() {
    }

    /**
     * The top folder of the checkout (the one holding {@code infra/} and {@code mvnw}).
     */
    public static Path root() {
        String configured = System.getProperty("launchpad.root", System.getenv("LAUNCHPAD_ROOT"));
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/stack")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the Launchpad checkout above " + Path.of("").toAbsolutePath()
                + "; set -Dlaunchpad.root or LAUNCHPAD_ROOT");
    }

    /** Git-ignored folder for state the run command keeps between runs. */
    public static Path localState() {
        return root().resolve(".launchpad");
    }

    /**
     * The runnable jar Spring Boot's repackaging made of a module
     * ({@code marketplace-api}, {@code web}), named with the version of the build that
     * made this class, so a version bump needs no code change.
     */
    public static Path executableJar(String module) {
        return built(module + "/target/" + module + "-" + BuildVersion.VALUE + "-exec.jar");
    }

    /**
     * A file the build produced; fails with the command that produces it when it is
     * missing.
     */
    public static Path built(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path
                    + " is missing: package it first (./mvnw -B package -DskipTests, or -pl <its module> -am package -DskipTests)");
        }
        return path;
    }

    /**
     * Read once: {@code build.properties} is filtered by Maven with the project version.
     */
    private static final class BuildVersion {

        static final String VALUE = read();

        private static String read() {
            try (InputStream in = ProjectPaths.class.getResourceAsStream("build.properties")) {
                if (in == null) {
                    throw new IllegalStateException(
                            "build.properties is missing from the stack module's classes: rebuild it");
                }
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

    }

}
