package io.launchpad.api.contract;

import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The contract is a reviewed artefact: the document the running API serves must equal the
 * committed {@code docs/openapi.json}, so a change to it shows up in review. Regenerate
 * it with
 * {@code ./mvnw -o -pl marketplace-api test -Dtest=ContractDocumentTest -Dopenapi.update=true}.
 */
class ContractDocumentTest extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();

    private JsonNode served() {
        byte[] body = api.mutate()
            .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
            .build()
            .get()
            .uri("/api/v1/openapi.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
        return JSON.readTree(body);
    }

    /** Stable text: keys sorted, two-space indent, newline at the end. */
    static String canonical(JsonNode document) {
        Object tree = JSON.treeToValue(document, Object.class);
        return JSON.writeValueAsString(tree) + "\n";
    }

    @Test
    void committedDocumentMatchesTheRunningApi() throws IOException {
        String current = canonical(served());
        Path committed = ContractValidation.committedDocument();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(committed, current);
        }
        assertThat(committed).as("docs/openapi.json").exists();
        String stored = Files.readString(committed);
        if (!stored.equals(current)) {
            List<String> a = stored.lines().toList();
            List<String> b = current.lines().toList();
            int line = 0;
            while (line < Math.min(a.size(), b.size()) && a.get(line).equals(b.get(line))) {
                line++;
            }
            fail("The API's OpenAPI document differs from the committed " + committed + " (first difference at line "
                    + (line + 1) + ":\n  committed: " + (line < a.size() ? a.get(line).strip() : "<end>")
                    + "\n  served:    " + (line < b.size() ? b.get(line).strip() : "<end>")
                    + ").\nIf the change is intended, regenerate it and commit it with the change:\n"
                    + "  ./mvnw -o -pl marketplace-api test -Dtest=ContractDocumentTest -Dopenapi.update=true");
        }
    }

    @Test
    void isOpenApi31AndPublic() {
        JsonNode document = served();
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(document.at("/info/title").asString()).isEqualTo("Launchpad marketplace API");
    }

    @Test
    void everyOperationHasASummaryAndEveryErrorIsADocumentedProblem() {
        JsonNode document = served();
        JsonNode paths = document.get("paths");
        List<String> missing = new ArrayList<>();
        Set<String> statuses = new HashSet<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                return;
            }
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            if (op.getValue().path("summary").asString("").isBlank()) {
                missing.add(where + " has no summary");
            }
            if (op.getValue().path("operationId").asString("").isBlank()) {
                missing.add(where + " has no operationId");
            }
            op.getValue().get("responses").properties().forEach(response -> {
                int code = Integer.parseInt(response.getKey());
                if (code >= 400) {
                    statuses.add(response.getKey());
                    JsonNode problem = response.getValue();
                    String shared = problem.path("$ref").asString("");
                    if (!shared.isEmpty()) {
                        problem = document.at(shared.substring(1));
                    }
                    String ref = problem.at("/content/application~1problem+json/schema/$ref").asString("");
                    if (!ref.equals("#/components/schemas/Problem")) {
                        missing.add(where + " " + code + " is not a Problem");
                    }
                    if (!problem.path("description").asString("").contains("https://launchpad.example/problems/")) {
                        missing.add(where + " " + code + " names no problem type");
                    }
                }
            });
        }));
        assertThat(missing).isEmpty();
        assertThat(statuses).contains("400", "401", "404", "422", "429");
    }

    @Test
    void problemSchemaListsTheWholeCatalogue() {
        JsonNode types = served().at("/components/schemas/Problem/properties/type/enum");
        List<String> listed = new ArrayList<>();
        types.forEach(t -> listed.add(t.asString()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()).toList());
    }

    @Test
    void schemasCarryTheirConstraints() {
        JsonNode schemas = served().at("/components/schemas");
        JsonNode challenge = schemas.get("ChallengeFields");
        assertThat(challenge.at("/properties/title/maxLength").asInt()).isEqualTo(200);
        assertThat(challenge.at("/properties/title/minLength").asInt()).isEqualTo(5);
        assertThat(challenge.get("required").toString()).contains("title", "summary", "categories");
        assertThat(challenge.at("/properties/categories/items/enum").toString()).contains("damp-and-mould");
        assertThat(challenge.at("/properties/closingDate/format").asString()).isEqualTo("date");
        assertThat(schemas.at("/SupplierFields/properties/size/enum").toString()).contains("micro", "large");
    }

}
