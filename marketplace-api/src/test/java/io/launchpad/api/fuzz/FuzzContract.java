package io.launchpad.api.fuzz;

import io.launchpad.api.contract.ContractValidation;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The write operations of the committed contract ({@code docs/openapi.json}) with their
 * request schemas resolved.
 */
final class FuzzContract {

    static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");

    /**
     * One parameter of an operation: {@code in} is path, query or header; {@code schema}
     * is resolved.
     */
    record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
    }

    record Operation(String method, String path, List<Parameter> parameters, Map<String, Object> requestSchema) {

        String key() {
            return method + " " + path;
        }

        boolean hasHeader(String name) {
            return parameters.stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name));
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private final Map<String, Object> document;

    private FuzzContract(Map<String, Object> document) {
        this.document = document;
    }

    @SuppressWarnings("unchecked")
    static FuzzContract load() {
        try {
            byte[] bytes = Files.readAllBytes(ContractValidation.committedDocument());
            return new FuzzContract((Map<String, Object>) JsonMapper.builder().build().readValue(bytes, Map.class));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every POST/PUT/PATCH/DELETE the contract lists, in document order. */
    @SuppressWarnings("unchecked")
    List<Operation> writeOperations() {
        List<Operation> operations = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
            if (!WRITE_METHODS.contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            List<Parameter> parameters = new ArrayList<>();
            for (Object raw : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                Map<String, Object> parameter = resolve((Map<String, Object>) raw);
                parameters.add(new Parameter((String) parameter.get("name"), (String) parameter.get("in"),
                        Boolean.TRUE.equals(parameter.get("required")),
                        resolve((Map<String, Object>) parameter.getOrDefault("schema", Map.of()))));
            }
            Map<String, Object> schema = null;
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            if (body != null) {
                Map<String, Object> content = (Map<String, Object>) body.get("content");
                Map<String, Object> json = (Map<String, Object>) content.get("application/json");
                if (json != null) {
                    schema = resolve((Map<String, Object>) json.get("schema"));
                }
            }
            operations.add(new Operation(method.toUpperCase(), path, parameters, schema));
        }));
        return operations;
    }

    /**
     * Follows {@code $ref}s (also inside allOf of one element) to the schema they name.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema;
        for (int depth = 0; depth < 20 && current != null; depth++) {
            if (current.get("$ref") instanceof String ref) {
                Object target = document;
                for (String part : ref.substring(2).split("/")) {
                    target = ((Map<String, Object>) target).get(part);
                }
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) target);
                current.forEach((k, v) -> {
                    if (!k.equals("$ref")) {
                        merged.put(k, v);
                    }
                });
                current = merged;
            }
            else if (current.get("allOf") instanceof List<?> all && all.size() == 1) {
                Map<String, Object> merged = new LinkedHashMap<>(current);
                merged.remove("allOf");
                merged.putAll(resolve((Map<String, Object>) all.getFirst()));
                current = merged;
            }
            else {
                return current;
            }
        }
        return current;
    }

}
