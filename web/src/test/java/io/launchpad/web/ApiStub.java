package io.launchpad.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One WireMock server per test JVM standing in for both third-party HTTP edges: the Launchpad API
 * and Keycloak's OIDC discovery. Sharing it keeps the Spring test context identical across test
 * classes, so it is built once.
 */
public final class ApiStub {

    public static final WireMockServer SERVER = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    static {
        SERVER.start();
        stubOidcDiscovery();
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

    /** Forget the previous test's API stubs and requests, keeping the discovery document. */
    public static void reset() {
        SERVER.resetAll();
        stubOidcDiscovery();
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
