package io.launchpad.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The two data files in this module's resources: the DOS export and the labelled housing
 * set.
 */
final class Datasets {

    private Datasets() {
    }

    record Opportunity(String id, String title, String category, String specialist, String buyer, String location,
            String winner) {
    }

    record LabelledSupplier(String key, String name, String summary, String capabilities) {
    }

    record LabelledChallenge(String title, String summary, Map<String, Integer> grades) {
    }

    static List<Opportunity> opportunities() {
        List<Opportunity> all = new ArrayList<>();
        for (String[] f : rows("dos-opportunities.tsv")) {
            all.add(new Opportunity(f[0], f[1], f[2], f[3], f[4], f[5], f.length > 6 ? f[6] : ""));
        }
        return all;
    }

    static List<LabelledSupplier> labelledSuppliers() {
        return rows("housing-labelled.tsv").stream()
            .filter(f -> f[0].equals("S"))
            .map(f -> new LabelledSupplier(f[1], f[2], f[3], f[4]))
            .toList();
    }

    static List<LabelledChallenge> labelledChallenges() {
        return rows("housing-labelled.tsv").stream().filter(f -> f[0].equals("C")).map(f -> {
            Map<String, Integer> grades = new LinkedHashMap<>();
            for (String pair : f[3].split(",")) {
                String[] kv = pair.split(":");
                grades.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
            }
            return new LabelledChallenge(f[1], f[2], grades);
        }).toList();
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = Datasets.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
