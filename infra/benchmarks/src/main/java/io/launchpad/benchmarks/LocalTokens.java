package io.launchpad.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import java.util.Arrays;

/**
 * Keycloak-shaped tokens without Keycloak: an RSA key whose JWKS this serves at
 * {@code <issuer>/protocol/openid-connect/certs}, and RS256 tokens with realm roles in
 * {@code realm_access.roles} and audience {@code launchpad-api}. The API validates them
 * through its real resource-server chain (signature, issuer, audience, expiry), so
 * measured latency includes authentication. Keycloak itself would add ~50 s of start-up
 * and nothing to a request's cost.
 */
final class LocalTokens implements AutoCloseable {

    private final HttpServer server;

    private final KeyPair key;

    private final String issuer;

    LocalTokens(int port) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + port + "/realms/launchpad";
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"bench\",\"n\":\""
                + unsigned(publicKey.getModulus()) + "\",\"e\":\"" + unsigned(publicKey.getPublicExponent()) + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
        server.createContext("/realms/launchpad/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    String issuer() {
        return issuer;
    }

    /** A bearer token valid for two hours. */
    String bearer(String subject, String... roles) {
        long now = Instant.now().getEpochSecond();
        String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}");
        String claims = base64("{\"sub\":\"" + subject + "\",\"iss\":\"" + issuer + "\",\"aud\":\"launchpad-api\","
                + "\"iat\":" + now + ",\"exp\":" + (now + 7200) + ",\"preferred_username\":\"bench-"
                + subject.substring(0, 8) + "\",\"name\":\"Benchmark " + subject.substring(0, 8)
                + "\",\"email\":\"bench@example.org\"," + "\"realm_access\":{\"roles\":["
                + List.of(roles).stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",")) + "]}}");
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.getPrivate());
            rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + header + "." + claims + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
