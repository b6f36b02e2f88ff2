package io.launchpad.api.contract;

import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.PublicRoutes;
import io.launchpad.api.web.SparseFields;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import io.swagger.v3.core.util.Json31;
import java.math.BigDecimal;
import java.util.LinkedHashSet;

/**
 * The OpenAPI 3.1 document served at {@code /api/v1/openapi.json} and committed as
 * {@code docs/openapi.json}. Everything every operation shares (problem responses,
 * Idempotency-Key, conditional GETs, sparse fields, security) is added here, so an
 * endpoint another feature adds is described the same way without touching its
 * controller.
 */
@Configuration
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";

    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Bean
    OpenAPI launchpadOpenApi() {
        return new OpenAPI()
            .info(new Info().title("Launchpad marketplace API")
                .version("1.0.0")
                .summary("Housing associations post challenges, suppliers publish profiles, matching ranks them.")
                .description("""
                        The REST API behind Launchpad. Read docs/api-guide.md for authentication (OAuth 2.0 \
                        authorization code with PKCE against Keycloak), pagination, caching (ETag / \
                        If-None-Match), retries (Idempotency-Key), rate limits, the problem type catalogue \
                        and the deprecation policy. Every response carries X-Correlation-Id.""")
                .contact(new Contact().name("Launchpad platform team").email("api@launchpad.example"))
                .license(new License().name("Proprietary").url("https://launchpad.example/terms")))
            // a fixed server keeps the committed document independent of the port it was
            // generated on
            .servers(List.of(new Server().url("https://api.launchpad.example").description("Production")))
            .tags(List.of(new Tag().name("organisations").description("Associations and suppliers and their members"),
                    new Tag().name("me").description("The signed-in person"),
                    new Tag().name("suppliers").description("Supplier profiles"),
                    new Tag().name("challenges").description("Challenges posted by housing associations"),
                    new Tag().name("taxonomy").description("Controlled vocabularies"),
                    new Tag().name("notifications").description("Live events for the signed-in person")))
            .components(new Components()
                .addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("An access token from Keycloak (audience launchpad-api)"))
                .addSecuritySchemes("keycloak", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                    .description("Authorization code with PKCE (S256) against the launchpad realm")
                    .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                        .authorizationUrl(
                                "https://auth.launchpad.example/realms/launchpad/protocol/openid-connect/auth")
                        .tokenUrl("https://auth.launchpad.example/realms/launchpad/protocol/openid-connect/token")
                        .scopes(new Scopes().addString("openid", "OpenID Connect sign-in")))))
                .addSchemas("FieldViolation", new ObjectSchema()
                    .description("One broken rule on one field of the request")
                    .addProperty("field",
                            new StringSchema()
                                .description("JSON path of the field, header or parameter, e.g. regions[1]"))
                    .addProperty("rule",
                            new StringSchema().description("The rule it broke, e.g. required, length, known-code"))
                    .addProperty("message", new StringSchema().description("For people"))
                    .required(List.of("field", "rule", "message")))
                .addSchemas(PROBLEM, problemSchema())
                .responses(problemResponses())
                .addHeaders("ETag",
                        new Header().description("Strong entity tag of this representation").schema(new StringSchema()))
                .addHeaders("X-Correlation-Id",
                        new Header().description("Echoes the request's X-Correlation-Id, or the one generated for it")
                            .schema(new StringSchema()))
                .addHeaders("Retry-After", new Header().description("Seconds to wait before trying again")
                    .schema(new IntegerSchema().minimum(BigDecimal.ZERO))));
    }

    /**
     * One reusable response per error status, naming every problem type of the catalogue
     * with that status.
     */
    private static Map<String, ApiResponse> problemResponses() {
        Map<String, ApiResponse> responses = new TreeMap<>();
        // 405 is answered for any path with a method it lacks; no operation documents it
        Arrays.stream(ProblemType.values())
            .filter(t -> t != ProblemType.METHOD_NOT_ALLOWED)
            .map(t -> Integer.toString(t.status().value()))
            .distinct()
            .forEach(code -> {
                List<ProblemType> types = Arrays.stream(ProblemType.values())
                    .filter(t -> Integer.toString(t.status().value()).equals(code))
                    .toList();
                ApiResponse response = new ApiResponse()
                    .description(
                            types.stream().map(t -> t.title() + " (" + t.uri() + ")").collect(Collectors.joining("; ")))
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))))
                    .addHeaderObject("X-Correlation-Id", new Header().$ref("#/components/headers/X-Correlation-Id"));
                if (code.equals("401")) {
                    response.addHeaderObject("WWW-Authenticate", new Header()
                        .description("RFC 6750 challenge: Bearer realm=\"launchpad\", with error=\"invalid_token\" "
                                + "and error_description when a token was sent and rejected")
                        .schema(new StringSchema()));
                }
                if (code.equals("429") || code.equals("503")) {
                    response.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"));
                }
                responses.put(responseName(code), response);
            });
        return responses;
    }

    static String responseName(String code) {
        return "Problem" + code;
    }

    private static Schema<?> problemSchema() {
        List<String> types = Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()).toList();
        Schema<String> type = new StringSchema().format("uri").description("Names the kind of failure; see the guide");
        type.setEnum(types);
        return new ObjectSchema()
            .description("RFC 9457 problem detail; the type is one of the catalogue in the API guide")
            .addProperty("type", type)
            .addProperty("title", new StringSchema())
            .addProperty("status",
                    new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
            .addProperty("detail", new StringSchema())
            .addProperty("instance", new StringSchema())
            .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldViolation")))
            .required(List.of("type", "title", "status"));
    }

    /**
     * Stable operation ids (controller + method) and a summary for any operation that
     * forgot one.
     */
    @Bean
    GlobalOperationCustomizer launchpadOperationIds() {
        return (operation, handler) -> {
            String controller = handler.getBeanType().getSimpleName().replace("Controller", "");
            String method = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(humanise(controller) + ": " + humanise(method));
            }
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                operation.addTagsItem(tagFor(handler.getBeanType().getPackageName()));
            }
            return operation;
        };
    }

    private static String tagFor(String packageName) {
        String last = packageName.substring(packageName.lastIndexOf('.') + 1);
        return switch (last) {
            case "organisation" -> "organisations";
            case "supplier" -> "suppliers";
            case "challenge" -> "challenges";
            case "notification" -> "notifications";
            default -> last;
        };
    }

    static String humanise(String camel) {
        String words = camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Problem responses, conditional-request and retry headers and security on every
     * operation.
     */
    @Bean
    GlobalOpenApiCustomizer launchpadContract() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            nullableOptionals(openApi);
            Map<String, PathItem> sorted = new TreeMap<>(openApi.getPaths());
            sorted.forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, method, operation)));
            Deprecations.ALIASES.forEach(alias -> {
                PathItem successor = openApi.getPaths().get(alias.successor());
                if (successor == null) {
                    return;
                }
                PathItem copy = new PathItem().get(Json31.mapper().convertValue(successor, PathItem.class).getGet());
                if (copy.getGet() == null) {
                    return;
                }
                copy.readOperations().forEach(operation -> {
                    operation.setDeprecated(true);
                    operation.setOperationId(operation.getOperationId() + "ViaDeprecatedAlias");
                    operation.setSummary(operation.getSummary() + " (deprecated alias of " + alias.successor() + ")");
                    operation.setDescription("Deprecated: use " + alias.successor() + ". Answers with Deprecation, "
                            + "Sunset and Link headers until " + alias.sunset() + ", then 404.");
                    operation.getResponses().forEach((code, response) -> {
                        if (code.startsWith("2")) {
                            response.addHeaderObject("Deprecation",
                                    new Header()
                                        .description("When this alias was deprecated (RFC 9745), e.g. @1795564800")
                                        .schema(new StringSchema()));
                            response.addHeaderObject("Sunset",
                                    new Header().description("When this alias stops answering (RFC 8594)")
                                        .schema(new StringSchema()));
                            response.addHeaderObject("Link",
                                    new Header().description(
                                            "The successor (rel=successor-version) and the policy (rel=deprecation)")
                                        .schema(new StringSchema()));
                        }
                    });
                });
                openApi.getPaths().addPathItem(alias.path(), copy);
            });
        };
    }

    /**
     * The API writes absent optional values as JSON null ({@code "publishedAt": null});
     * in OpenAPI 3.1 that must be said with a "null" type, or every generated client
     * rejects real responses.
     */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static void nullableOptionals(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        openApi.getComponents().getSchemas().forEach((name, schema) -> {
            if (name.equals(PROBLEM) || name.equals("FieldViolation") || schema.getProperties() == null) {
                return;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            ((Map<String, Schema>) schema.getProperties()).forEach((property, value) -> {
                if (required.contains(property)) {
                    return;
                }
                if (value.get$ref() != null) {
                    Schema ref = new Schema().$ref(value.get$ref());
                    value.set$ref(null);
                    Schema none = new Schema();
                    none.setTypes(new LinkedHashSet<>(List.of("null")));
                    value.setOneOf(new ArrayList<>(List.of(ref, none)));
                }
                else if (value.getTypes() != null && !value.getTypes().isEmpty()) {
                    Set<String> types = new LinkedHashSet<>(value.getTypes());
                    types.add("null");
                    value.setTypes(types);
                }
            });
        });
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean isPublic = PublicRoutes.isPublic(HttpMethod.valueOf(method.name()), path);
        List<SecurityRequirement> security = new ArrayList<>();
        security.add(new SecurityRequirement().addList("bearer"));
        security.add(new SecurityRequirement().addList("keycloak", "openid"));
        if (isPublic) {
            security.add(new SecurityRequirement());
        }
        operation.setSecurity(security);

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.values()
            .forEach(r -> r.addHeaderObject("X-Correlation-Id",
                    new Header().$ref("#/components/headers/X-Correlation-Id")));

        boolean hasBody = operation.getRequestBody() != null;
        boolean hasIfMatch = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));

        if (method == PathItem.HttpMethod.GET && !path.endsWith("/stream") && !path.endsWith("openapi.json")) {
            operation.addParametersItem(new Parameter().in("header")
                .name("If-None-Match")
                .required(false)
                .description("An ETag from an earlier response; 304 Not Modified when it still matches")
                .schema(new StringSchema()));
            responses.forEach((code, response) -> {
                if (code.startsWith("2")) {
                    response.addHeaderObject("ETag", new Header().$ref("#/components/headers/ETag"));
                }
            });
            responses.addApiResponse("304",
                    new ApiResponse().description("Not Modified: the representation still matches If-None-Match")
                        .addHeaderObject("ETag", new Header().$ref("#/components/headers/ETag"))
                        .addHeaderObject("X-Correlation-Id",
                                new Header().$ref("#/components/headers/X-Correlation-Id")));
            if (SparseFields.supports(path)) {
                operation.addParametersItem(new Parameter().in("query")
                    .name("fields")
                    .required(false)
                    .description("Comma-separated top-level fields to return (id is always included), "
                            + "e.g. id,title,status; an unknown name is a 400")
                    .schema(new StringSchema().pattern("^[A-Za-z][A-Za-z0-9]*(,[A-Za-z][A-Za-z0-9]*)*$")
                        .maxLength(500)));
            }
        }
        if (method == PathItem.HttpMethod.POST) {
            operation.addParametersItem(new Parameter().in("header")
                .name("Idempotency-Key")
                .required(false)
                .description("Unique per intended operation (e.g. a UUID). A retry with the same key and "
                        + "body replays the first response (Idempotent-Replayed: true); the same key with "
                        + "a different body is a 422.")
                .schema(new StringSchema().minLength(1).maxLength(255)));
        }

        Map<String, Set<ProblemType>> problems = new LinkedHashMap<>();
        add(problems, ProblemType.INVALID_PARAMETER, ProblemType.MALFORMED_REQUEST,
                // refused by the HTTP server itself, before any route is known
                ProblemType.INVALID_REQUEST_TARGET, ProblemType.MALFORMED_HTTP, ProblemType.URI_TOO_LONG,
                ProblemType.HEADERS_TOO_LARGE);
        add(problems, ProblemType.UNAUTHENTICATED, ProblemType.FORBIDDEN, ProblemType.NOT_ACCEPTABLE,
                ProblemType.RATE_LIMITED, ProblemType.INTERNAL_ERROR);
        // a public list or file cannot be missing; a write can name something unknown (an
        // unsubscribe token)
        if (path.contains("{") || !isPublic || method != PathItem.HttpMethod.GET) {
            add(problems, ProblemType.NOT_FOUND);
        }
        if (hasBody || method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            add(problems, ProblemType.VALIDATION_FAILED, ProblemType.BODY_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    ProblemType.CONFLICT, ProblemType.UNPROCESSABLE);
        }
        if (method == PathItem.HttpMethod.POST) {
            add(problems, ProblemType.IDEMPOTENCY_KEY_REUSED);
        }
        if (hasIfMatch || method == PathItem.HttpMethod.PUT) {
            add(problems, ProblemType.PRECONDITION_FAILED);
        }
        if (method == PathItem.HttpMethod.PUT) {
            add(problems, ProblemType.PRECONDITION_REQUIRED);
        }
        if (path.contains("matches") || path.contains("search")) {
            add(problems, ProblemType.MATCHING_UNAVAILABLE);
        }
        problems.forEach((code, types) -> {
            ApiResponse existing = responses.get(code);
            if (existing != null && existing.getContent() != null
                    && existing.getContent().get("application/problem+json") != null) {
                return;
            }
            responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/" + responseName(code)));
        });
        // springdoc sorts nothing itself; keep codes ascending so the committed document
        // is stable
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        operation.setResponses(ordered);
    }

    private static void add(Map<String, Set<ProblemType>> problems, ProblemType... types) {
        for (ProblemType type : types) {
            problems.computeIfAbsent(Integer.toString(type.status().value()), k -> EnumSet.noneOf(ProblemType.class))
                .add(type);
        }
    }

}
