package io.launchpad.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Dockerfile read the way the builder reads it: comments dropped, continuation lines
 * joined, one instruction per entry, split into stages at each FROM. Enough to check what
 * an image would contain without a Docker engine.
 */
record Dockerfile(List<Stage> stages) {

    record Instruction(String keyword, String arguments) {
    }

    record Stage(String from, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        /** ENV's name=value pairs (values may be quoted), or ARG's name[=default]. */
        List<String[]> variables(String keyword) {
            List<String[]> variables = new ArrayList<>();
            for (Instruction instruction : all(keyword)) {
                var matcher = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:=(\"[^\"]*\"|\\S*))?")
                    .matcher(instruction.arguments());
                while (matcher.find()) {
                    String value = matcher.group(2) == null ? "" : matcher.group(2).replaceAll("^\"|\"$", "");
                    variables.add(new String[] { matcher.group(1), value });
                }
            }
            return variables;
        }
    }

    static Dockerfile read(Path file) {
        try {
            List<String> logical = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                }
                else {
                    current.append(trimmed);
                    logical.add(current.toString().strip());
                    current.setLength(0);
                }
            }
            List<Stage> stages = new ArrayList<>();
            for (String line : logical) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                var instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
                if (instruction.keyword().equals("FROM")) {
                    stages.add(new Stage(instruction.arguments(), new ArrayList<>()));
                }
                else if (!stages.isEmpty()) {
                    stages.getLast().instructions().add(instruction);
                }
                else if (!instruction.keyword().equals("ARG")) {
                    throw new IllegalStateException(file + ": " + instruction.keyword() + " before FROM");
                }
            }
            return new Dockerfile(List.copyOf(stages));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Stage finalStage() {
        return stages.getLast();
    }

    /** The layer folders the final stage copies from the extracting stage, in order. */
    List<String> copiedLayers() {
        return finalStage().all("COPY")
            .stream()
            .map(Instruction::arguments)
            .filter(arguments -> arguments.startsWith("--from="))
            .map(arguments -> arguments.split("\\s+")[1].replaceAll("/$", ""))
            .map(source -> source.substring(source.lastIndexOf('/') + 1))
            .toList();
    }
}
