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
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Signs tokens shaped like Keycloak's (realm roles in {@code realm_access.roles}, audience
 * {@code launchpad-api}) with a key whose JWKS a WireMock server publishes, so the API validates
 * them through its real resource-server chain. The end-to-end suite uses the real Keycloak.
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

    private static void start() {
        if (server != null) {
            return;
        }
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlEqualTo("/realms/launchpad/protocol/openid-connect/certs"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(new JWKSet(key.toPublicJWK()).toString())));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }

    /** A token for a new person with the given realm roles. */
    public static TestUser user(String... roles) {
        String subject = UUID.randomUUID().toString();
        return new TestUser(subject, token(subject, List.of(roles), issuer(), "launchpad-api"));
    }

    public static String token(String subject, List<String> roles, String issuer, String audience) {
        start();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
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
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public record TestUser(String subject, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }
}
