package io.launchpad.infra.esnode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The node's home folder: {@code config/}, {@code data/}, {@code logs/},
 * {@code plugins/}, {@code modules/}. Data survives restarts; modules and config are
 * rewritten from the distribution on every start so a rebuilt distribution always wins.
 */
record NodeHome(Path root) {

    private static final String CONSOLE_LOGGING = """
            # Written by the Launchpad launcher: everything to the console, which the starter sends to logs/.
            status = error
            appender.console.type = Console
            appender.console.name = console
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
            rootLogger.level = info
            rootLogger.appenderRef.console.ref = console
            # chatty at info level and irrelevant to a single local node
            logger.deprecation.name = org.elasticsearch.deprecation
            logger.deprecation.level = error
            """;

    static NodeHome prepare(Path root, Path distribution) throws IOException {
        NodeHome home = new NodeHome(root);
        for (Path dir : List.of(home.config(), home.data(), home.logs(), home.plugins(), home.modules())) {
            Files.createDirectories(dir);
        }
        Files.writeString(home.config().resolve("log4j2.properties"), CONSOLE_LOGGING);
        Path yml = home.config().resolve("elasticsearch.yml");
        if (Files.notExists(yml)) {
            Files.writeString(yml, "# settings come from the Launchpad launcher's command line\n");
        }
        home.replaceModules(distribution.resolve("modules"));
        return home;
    }

    Path config() {
        return root.resolve("config");
    }

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path plugins() {
        return root.resolve("plugins");
    }

    Path modules() {
        return root.resolve("modules");
    }

    private void replaceModules(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IOException("No modules folder at " + source + ": build infra/es-node first");
        }
        deleteRecursively(modules());
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> copy(file, modules().resolve(source.relativize(file).toString())));
        }
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            }
            else {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.notExists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
