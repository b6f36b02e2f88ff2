package io.launchpad.api.web;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code ?fields=id,title,status} on the large resources (challenges and supplier
 * profiles, single and in pages): a phone showing a list needs a few fields of each item,
 * not 20 KB descriptions. {@code id} is always kept; a page keeps its {@code nextCursor}.
 */
public final class SparseFields {

    /** The routes (in OpenAPI path syntax) whose JSON may be trimmed. */
    public static final List<String> ROUTES = List.of("/api/v1/challenges", "/api/v1/challenges/{id}",
            "/api/v1/suppliers", "/api/v1/suppliers/{id}");

    private static final List<PathPattern> PATTERNS = ROUTES.stream()
        .map(PathPatternParser.defaultInstance::parse)
        .toList();

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z][A-Za-z0-9]*(,[A-Za-z][A-Za-z0-9]*)*");

    private SparseFields() {
    }

    public static boolean supports(String openApiPath) {
        return ROUTES.contains(openApiPath.replaceAll("\\{[^}]+}", "{id}"));
    }

    static boolean supportsRequest(String requestPath) {
        PathContainer path = PathContainer.parsePath(requestPath);
        return PATTERNS.stream().anyMatch(p -> p.matches(path));
    }

    /**
     * The requested names, or null when the parameter is absent; 400 naming
     * {@code fields} when malformed.
     */
    static @Nullable Set<String> parse(@Nullable String fields) {
        if (fields == null) {
            return null;
        }
        if (fields.length() > 500 || !SYNTAX.matcher(fields).matches()) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "fields", "pattern",
                    "must be a comma-separated list of field names, e.g. id,title,status");
        }
        Set<String> names = new LinkedHashSet<>(List.of(fields.split(",")));
        names.add("id");
        return names;
    }

    /**
     * Trims a resource or every item of a page; an unknown name is a 400 naming
     * {@code fields}.
     */
    static JsonNode apply(JsonNode body, Set<String> names) {
        if (body instanceof ObjectNode page && page.get("items") instanceof ArrayNode items && !page.has("id")) {
            for (JsonNode item : items) {
                trim((ObjectNode) item, names);
            }
            return page;
        }
        if (body instanceof ObjectNode resource) {
            trim(resource, names);
        }
        return body;
    }

    private static void trim(ObjectNode node, Set<String> names) {
        for (String name : names) {
            if (!node.has(name)) {
                throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "fields", "known-field",
                        "'" + name + "' is not a field of this resource");
            }
        }
        node.retain(names);
    }

}
