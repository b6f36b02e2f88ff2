package io.launchpad.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Where the deployment files are (tests run in infra/deploy) and how to read YAML ones.
 */
final class DeployFiles {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPOSITORY = MODULE.resolve("../..").normalize();
    static final Path RENDERED = MODULE.resolve("target/rendered");
    static final List<String> OVERLAYS = List.of("dev", "production");

    private DeployFiles() {
    }

    /** Every document of a (multi-document) YAML file, as plain maps and lists. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        try {
            var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : yaml.loadAll(Files.readString(file))) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            return documents;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The objects kubectl kustomize rendered for an overlay (validate/prepare.sh, before
     * the tests).
     */
    static List<Map<String, Object>> rendered(String overlay) {
        Path file = RENDERED.resolve(overlay + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the build renders it in process-test-classes"
                    + " (validate/prepare.sh); run the module's build, not the test class alone");
        }
        return documents(file);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /**
     * {@code at(object, "spec", "template", "spec")}: the nested map, or an empty one.
     */
    static Map<String, Object> at(Map<String, Object> object, String... path) {
        Map<String, Object> current = object;
        for (String key : path) {
            current = map(current.get(key));
        }
        return current;
    }

    static String name(Map<String, Object> object) {
        return object.get("kind") + "/" + at(object, "metadata").get("name");
    }

}
