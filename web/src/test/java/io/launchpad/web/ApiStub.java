package io.launchpad.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.context.DynamicPropertyRegistry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One WireMock server per test JVM standing in for both third-party HTTP edges: the
 * Launchpad API and Keycloak's OIDC discovery. Sharing it keeps the Spring test context
 * identical across test classes, so it is built once. Besides the discovery document it
 * always serves the API's taxonomy, which most pages need for their labels.
 */
public final class ApiStub {

    public static final WireMockServer SERVER = new WireMockServer(
            wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    /**
     * The file the API serves its taxonomy from (matching's {@code Taxonomy.housing()});
     * tests run in {@code web/}.
     */
    private static final Path TAXONOMY_FILE = Path
        .of("../matching/src/main/resources/taxonomy/housing-taxonomy-v1.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        SERVER.start();
        stubOidcDiscovery();
        stubTaxonomy(taxonomy());
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop));
    }

    private ApiStub() {
    }

    public static String baseUrl() {
        return SERVER.baseUrl();
    }

    public static String issuer() {
        return SERVER.baseUrl() + "/realms/launchpad";
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("launchpad.api.base-url", ApiStub::baseUrl);
        registry.add("spring.security.oauth2.client.provider.keycloak.issuer-uri", ApiStub::issuer);
    }

    /**
     * Forget the previous test's API stubs and requests, keeping the discovery document
     * and the taxonomy.
     */
    public static void reset() {
        SERVER.resetAll();
        stubOidcDiscovery();
        stubTaxonomy(taxonomy());
    }

    /**
     * What the API answers to {@code GET /api/v1/taxonomy}: the file it serves, in the
     * shape of its {@code TaxonomyView} (every term carries all three lists, empty or
     * not). A new copy each time, so a test may change it and serve it with
     * {@link #stubTaxonomy}.
     */
    public static ObjectNode taxonomy() {
        ObjectNode taxonomy;
        try {
            taxonomy = (ObjectNode) JSON.readTree(Files.readString(TAXONOMY_FILE));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        taxonomy.get("vocabularies").forEach(terms -> terms.forEach(term -> {
            for (String list : List.of("altLabels", "synonyms", "satisfies")) {
                if (!term.has(list)) {
                    ((ObjectNode) term).putArray(list);
                }
            }
        }));
        return taxonomy;
    }

    /**
     * Serves a taxonomy with the headers the API sends: its version as the ETag, public
     * for an hour.
     */
    public static void stubTaxonomy(JsonNode taxonomy) {
        SERVER.stubFor(get(urlPathEqualTo("/api/v1/taxonomy"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withHeader("ETag", "\"" + taxonomy.get("version").asString() + "\"")
                .withHeader("Cache-Control", "max-age=3600, public")
                .withBody(JSON.writeValueAsString(taxonomy))));
    }

    private static void stubOidcDiscovery() {
        String issuer = issuer();
        String oidc = issuer + "/protocol/openid-connect";
        SERVER.stubFor(get(urlPathEqualTo("/realms/launchpad/.well-known/openid-configuration"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                    {
                      "issuer": "%1$s",
                      "authorization_endpoint": "%2$s/auth",
                      "token_endpoint": "%2$s/token",
                      "userinfo_endpoint": "%2$s/userinfo",
                      "end_session_endpoint": "%2$s/logout",
                      "jwks_uri": "%2$s/certs",
                      "response_types_supported": ["code"],
                      "subject_types_supported": ["public"],
                      "id_token_signing_alg_values_supported": ["RS256"],
                      "grant_types_supported": ["authorization_code", "refresh_token"],
                      "token_endpoint_auth_methods_supported": ["none", "client_secret_basic"],
                      "code_challenge_methods_supported": ["S256"],
                      "scopes_supported": ["openid", "profile", "email"]
                    }
                    """.formatted(issuer, oidc))));
    }

}
