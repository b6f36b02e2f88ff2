package io.launchpad.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP and JWT helpers for the Keycloak tests, so they see exactly what a client
 * would.
 */
final class KeycloakTestSupport {

    static final String PASSWORD = "launchpad";
    static final String S256_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();

    private KeycloakTestSupport() {
    }

    /**
     * The claims of a JWT, read without verifying its signature (the tests ask the issuer
     * directly).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a JWT: " + jwt);
        }
        return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String body) {
        return JSON.readValue(body, Map.class);
    }

    /** A claim that may be one string or an array of strings (like {@code aud}). */
    static List<String> strings(Object claim) {
        if (claim instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }

    @SuppressWarnings("unchecked")
    static List<String> realmRoles(Map<String, Object> claims) {
        Map<String, Object> realmAccess = (Map<String, Object>) claims.getOrDefault("realm_access", Map.of());
        return strings(realmAccess.get("roles"));
    }

    static HttpResponse<String> get(String uri) {
        return send(HttpRequest.newBuilder(URI.create(uri)).GET().build());
    }

    static HttpResponse<String> postForm(String uri, Map<String, String> form) {
        String body = form.entrySet()
            .stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(uri))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
    }

    /** The start of an authorization code flow, as a browser would send it. */
    static HttpResponse<String> authorize(KeycloakServer keycloak, String clientId, String redirectUri, String pkce) {
        return get(keycloak.issuerUri() + "/protocol/openid-connect/auth?response_type=code&scope=openid&state=s1"
                + "&client_id=" + encode(clientId) + "&redirect_uri=" + encode(redirectUri) + pkce);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Resident memory of a process, from {@code /proc/<pid>/status}. */
    static long rssMegabytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status"))
                .stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst()
                .orElseThrow();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
