package io.launchpad.api.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what was sent and what came back; groups failures by (operation, mutation class,
 * symptom).
 */
final class FuzzReport {

    record Example(String mutation, int status, String detail) {
    }

    static final class Group {

        final String operation;

        final String klass;

        final String symptom;

        final List<Example> examples = new ArrayList<>();

        int count;

        Group(String operation, String klass, String symptom) {
            this.operation = operation;
            this.klass = klass;
            this.symptom = symptom;
        }

    }

    private final Map<String, Integer> perOperation = new TreeMap<>();

    private final Map<Integer, Integer> statuses = new TreeMap<>();

    private final Map<String, Map<Integer, Integer>> statusesPerOperation = new TreeMap<>();

    private final Map<String, Group> failures = new LinkedHashMap<>();

    int requests;

    void sent(String operation, int status) {
        requests++;
        perOperation.merge(operation, 1, Integer::sum);
        statuses.merge(status, 1, Integer::sum);
        statusesPerOperation.computeIfAbsent(operation, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }

    void fail(String operation, String klass, String symptom, String mutation, int status, String detail) {
        Group group = failures.computeIfAbsent(operation + "\u0000" + klass + "\u0000" + symptom,
                k -> new Group(operation, klass, symptom));
        group.count++;
        if (group.examples.size() < 3) {
            group.examples.add(new Example(mutation, status, detail));
        }
    }

    List<Group> failures() {
        return List.copyOf(failures.values());
    }

    String summary(long seed, long millis) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n=== API fuzz: %d requests over %d write operations in %.1f s (seed %d) ===%n",
                requests, perOperation.size(), millis / 1000.0, seed));
        out.append("statuses: ").append(statuses).append('\n');
        out.append("requests per operation (statuses):\n");
        perOperation.forEach((operation, n) -> out
            .append(String.format("  %5d  %-62s %s%n", n, operation, statusesPerOperation.get(operation))));
        out.append(String.format("failures: %d distinct (operation, mutation class, symptom), %d requests%n",
                failures.size(), failures.values().stream().mapToInt(g -> g.count).sum()));
        failures.values().forEach(group -> out.append(describe(group)));
        return out.toString();
    }

    static String describe(Group group) {
        StringBuilder out = new StringBuilder(
                String.format("- %s | %s | %s  (%d×)%n", group.operation, group.klass, group.symptom, group.count));
        for (Example example : group.examples) {
            out.append("    e.g. ")
                .append(example.mutation())
                .append(" -> ")
                .append(example.status())
                .append(example.detail().isEmpty() ? "" : ": " + example.detail())
                .append('\n');
        }
        return out.toString();
    }

}
