package io.launchpad.api.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import com.github.tomakehurst.wiremock.client.WireMock;

/**
 * Signs tokens shaped like Keycloak's (realm roles in {@code realm_access.roles},
 * audience {@code launchpad-api}) with a key whose JWKS a WireMock server publishes, so
 * the API validates them through its real resource-server chain. The end-to-end suite
 * uses the real Keycloak.
 */
public final class TestTokens {

    private static WireMockServer server;

    private static RSAKey key;

    private TestTokens() {
    }

    public static synchronized String issuer() {
        start();
        return "http://127.0.0.1:" + server.port() + "/realms/launchpad";
    }

    public static String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /**
     * The client secret the stand-in Keycloak expects from the API's account-admin
     * client.
     */
    public static final String ACCOUNT_ADMIN_SECRET = "test-account-admin-secret";

    /**
     * Keycloak's base address (admin API and token endpoint), as the API's account-admin
     * client sees it.
     */
    public static synchronized String keycloakBaseUrl() {
        start();
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * The stand-in Keycloak, for tests that check or change what its admin API answers.
     */
    public static synchronized WireMockServer keycloak() {
        start();
        return server;
    }

    private static void start() {
        if (server != null) {
            return;
        }
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlEqualTo("/realms/launchpad/protocol/openid-connect/certs"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(key.toPublicJWK()).toString())));
        // the admin API the API deletes sign-in accounts through (issue 12): a token for
        // the account-admin
        // client when it sends its secret, and "gone" for any user it then deletes
        server.stubFor(post(urlEqualTo("/realms/launchpad/protocol/openid-connect/token"))
            .withFormParam("grant_type", WireMock.equalTo("client_credentials"))
            .withFormParam("client_secret", WireMock.equalTo(ACCOUNT_ADMIN_SECRET))
            .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"admin-token\",\"token_type\":\"Bearer\",\"expires_in\":60}")));
        server.stubFor(delete(urlPathMatching("/admin/realms/launchpad/users/[^/]+"))
            .withHeader("Authorization", WireMock.equalTo("Bearer admin-token"))
            .willReturn(aResponse().withStatus(204)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }

    /** A token for a new person with the given realm roles. */
    public static TestUser user(String... roles) {
        String subject = UUID.randomUUID().toString();
        return new TestUser(subject, token(subject, List.of(roles), issuer(), "launchpad-api"));
    }

    public static String token(String subject, List<String> roles, String issuer, String audience) {
        start();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
            .issuer(issuer)
            .audience(audience)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
            .claim("realm_access", Map.of("roles", roles))
            .claim("preferred_username", "user-" + subject.substring(0, 8))
            .claim("name", "Test User " + subject.substring(0, 8))
            .claim("email", "user-" + subject.substring(0, 8) + "@example.org")
            .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public record TestUser(String subject, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

}
