package io.launchpad.api.contract;

import io.launchpad.api.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Strong ETags and 304s on every GET, sparse {@code fields}, gzip: what a phone on a slow
 * link needs.
 */
class CachingApiTest extends ApiTestBase {

    @LocalServerPort
    int port;

    private static List<String> keys(Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    private Map<?, ?> publishedSupplier(String capabilities) {
        Actor supplier = actor("supplier");
        Map<?, ?> created = api.post()
            .uri("/api/v1/suppliers")
            .header("Authorization", supplier.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(supplierBody(supplier.organisationId(), "Cache Co " + UUID.randomUUID(), capabilities))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        return api.post()
            .uri("/api/v1/suppliers/" + created.get("id") + "/publish")
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    }

    @Test
    void aResourceKeepsItsVersionTagAndAnswers304WhileItStillMatches() {
        Map<?, ?> supplier = publishedSupplier("Damp surveys");
        String etag = api.get()
            .uri("/api/v1/suppliers/" + supplier.get("id"))
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getETag();
        assertThat(etag).isEqualTo("\"" + supplier.get("version") + "\"");

        api.get()
            .uri("/api/v1/suppliers/" + supplier.get("id"))
            .header(HttpHeaders.IF_NONE_MATCH, etag)
            .exchange()
            .expectStatus()
            .isNotModified()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, etag)
            .expectBody()
            .isEmpty();

        api.get()
            .uri("/api/v1/suppliers/" + supplier.get("id"))
            .header(HttpHeaders.IF_NONE_MATCH, "\"999\"")
            .exchange()
            .expectStatus()
            .isOk();
    }

    @Test
    void aListPageGetsAStrongHashTagThatChangesWithItsContent() {
        publishedSupplier("Retrofit");
        var firstHeaders = api.get()
            .uri("/api/v1/suppliers?limit=5")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders();
        String first = firstHeaders.getETag();
        // cacheable but always revalidated (not Spring Security's default no-store)
        assertThat(firstHeaders.getCacheControl()).isEqualTo("no-cache");
        assertThat(first).matches("\"[A-Za-z0-9_-]{27}\"");

        api.get()
            .uri("/api/v1/suppliers?limit=5")
            .header(HttpHeaders.IF_NONE_MATCH, first)
            .exchange()
            .expectStatus()
            .isNotModified()
            .expectBody()
            .isEmpty();

        publishedSupplier("Something new on page one");
        String second = api.get()
            .uri("/api/v1/suppliers?limit=5")
            .header(HttpHeaders.IF_NONE_MATCH, first)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getETag();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void fieldsTrimsEveryItemOfAPageAndASingleResource() {
        Map<?, ?> supplier = publishedSupplier("Sensors");
        Map<?, ?> page = api.get()
            .uri("/api/v1/suppliers?limit=3&fields=name,status")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        List<?> items = (List<?>) page.get("items");
        assertThat(items).isNotEmpty();
        items.forEach(item -> assertThat(keys((Map<?, ?>) item)).containsExactlyInAnyOrder("id", "name", "status"));
        assertThat(keys(page)).contains("nextCursor");

        var one = api.get()
            .uri("/api/v1/suppliers/" + supplier.get("id") + "?fields=name")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult();
        assertThat(keys(one.getResponseBody())).containsExactlyInAnyOrder("id", "name");
        // a trimmed representation is a different one: it never carries the full
        // resource's version tag
        assertThat(one.getResponseHeaders().getETag()).isNotEqualTo("\"" + supplier.get("version") + "\"");
    }

    @Test
    void fieldsOnChallengesToo() {
        Actor association = actor("association");
        Map<?, ?> created = api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Sparse damp challenge"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        Map<?, ?> trimmed = api.get()
            .uri("/api/v1/challenges/" + created.get("id") + "?fields=title,status")
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(keys(trimmed)).containsExactlyInAnyOrder("id", "title", "status");
    }

    @Test
    void anUnknownOrMalformedFieldIs400NamingFieldsAndTheRule() {
        Map<?, ?> supplier = publishedSupplier("Cyber");
        api.get()
            .uri("/api/v1/suppliers/" + supplier.get("id") + "?fields=name,salary")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://launchpad.example/problems/invalid-parameter")
            .jsonPath("$.errors[0].field")
            .isEqualTo("fields")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("known-field");
        api.get()
            .uri("/api/v1/suppliers?fields=name;drop")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("fields")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("pattern");
    }

    @Test
    void jsonIsGzippedForClientsThatAcceptIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            publishedSupplier("Long capabilities text that repeats. ".repeat(40));
        }
        // the JDK client, because WebTestClient's Reactor Netty client decompresses and
        // hides the encoding
        var http = HttpClient.newHttpClient();
        var uri = URI.create("http://127.0.0.1:" + port + "/api/v1/suppliers?limit=20");
        var plain = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        var gzipped = http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        byte[] compressed = gzipped.body();
        assertThat(compressed.length).isLessThan(plain.body().length / 2);
        assertThat(new String(ContractValidation.gunzip(compressed), StandardCharsets.UTF_8))
            .isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
    }

}
