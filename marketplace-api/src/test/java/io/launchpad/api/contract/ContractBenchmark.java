package io.launchpad.api.contract;

import io.launchpad.api.MarketplaceApiApplication;
import io.launchpad.infra.stack.SharedComponents;
import io.launchpad.api.support.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the API contract costs and saves, measured over loopback against the real API
 * (PostgreSQL, Elasticsearch node, JWT validation), side by side in one run. Not a test:
 * run it with
 *
 * <pre>
 * ./mvnw -o -pl marketplace-api test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.launchpad.api.contract.ContractBenchmark
 * </pre>
 *
 * Two API instances share one database: 19650 with rate limiting on (limits too high to
 * refuse anything, so only its cost is measured), 19651 with it off. Reports (1) bytes on
 * the wire for a list page of 100 supplier profiles plain, gzip, with {@code fields} and
 * both; (2) the share of a polling client's repeat GETs answered 304 while the data
 * changes now and then; (3) p50/p99 of a POST with and without Idempotency-Key and of a
 * GET and a POST with and without rate limiting. Bounded: a few thousand requests, local
 * only.
 */
public final class ContractBenchmark {

    private static final int SUPPLIERS = 120;

    private static final int WARMUP = 100;

    private static final int SAMPLES = 400;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ContractBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run();
        }
        catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        var postgres = SharedComponents.postgres();
        var elasticsearch = SharedComponents.elasticsearch();
        Map<String, Object> common = new HashMap<>();
        common.put("spring.r2dbc.url", postgres.r2dbcUrl());
        common.put("spring.r2dbc.username", postgres.username());
        common.put("spring.r2dbc.password", postgres.password());
        common.put("spring.flyway.url", postgres.jdbcUrl());
        common.put("spring.flyway.user", postgres.username());
        common.put("spring.flyway.password", postgres.password());
        common.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.issuer());
        common.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwksUri());
        common.put("launchpad.matching.elasticsearch-url", elasticsearch.httpUrl());
        common.put("logging.level.root", "WARN");
        common.put("logging.level.io.launchpad.api.access", "WARN");
        for (String routeClass : List.of("read", "write", "search")) {
            common.put("launchpad.rate-limits.classes." + routeClass + ".per-user", "100000000");
            common.put("launchpad.rate-limits.classes." + routeClass + ".per-client", "100000000");
        }
        ConfigurableApplicationContext limited = start(common, 19650, true);
        ConfigurableApplicationContext unlimited = start(common, 19651, false);
        try {
            String on = "http://127.0.0.1:19650";
            String off = "http://127.0.0.1:19651";
            System.out.println("seeding " + SUPPLIERS + " published supplier profiles ...");
            List<String> supplierIds = seed(on);

            System.out.println();
            System.out
                .println("== 1. bytes on the wire: GET /api/v1/suppliers?limit=100 (body bytes; headers ~0.5 KB each)");
            String page = on + "/api/v1/suppliers?limit=100";
            String sparse = page + "&fields=name,summary,regions";
            long plain = body(page, false);
            long gzip = body(page, true);
            long fields = body(sparse, false);
            long both = body(sparse, true);
            row("plain JSON", plain, plain);
            row("gzip", gzip, plain);
            row("fields=name,summary,regions", fields, plain);
            row("fields + gzip", both, plain);

            System.out.println();
            System.out.println("== 2. repeat GETs answered 304 (a client polling with If-None-Match)");
            conditional(on, supplierIds);

            System.out.println();
            System.out.println(
                    "== 3. latency over loopback, sequential, " + SAMPLES + " samples after " + WARMUP + " warm-up");
            System.out.printf("%-56s %8s %8s%n", "", "p50 ms", "p99 ms");
            var token = TestTokens.user("association");
            latency("POST /organisations, rate limit on,  no Idempotency-Key", () -> post(on, token.bearer(), null));
            latency("POST /organisations, rate limit on,  Idempotency-Key",
                    () -> post(on, token.bearer(), UUID.randomUUID().toString()));
            latency("POST /organisations, rate limit off, no Idempotency-Key", () -> post(off, token.bearer(), null));
            latency("POST /organisations, rate limit off, Idempotency-Key",
                    () -> post(off, token.bearer(), UUID.randomUUID().toString()));
            String replayKey = UUID.randomUUID().toString();
            String replayName = "Replay " + UUID.randomUUID();
            post(on, token.bearer(), replayKey, replayName);
            latency("POST /organisations, replayed (same key and body)",
                    () -> post(on, token.bearer(), replayKey, replayName));
            latency("GET /me, rate limit on", () -> get(on + "/api/v1/me", token.bearer()));
            latency("GET /me, rate limit off", () -> get(off + "/api/v1/me", token.bearer()));
            latency("GET /suppliers?limit=20 (anonymous), rate limit on",
                    () -> get(on + "/api/v1/suppliers?limit=20", null));
            latency("GET /suppliers?limit=20 (anonymous), rate limit off",
                    () -> get(off + "/api/v1/suppliers?limit=20", null));
        }
        finally {
            limited.close();
            unlimited.close();
            System.exit(0);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> common, int port, boolean rateLimited) {
        Map<String, Object> properties = new HashMap<>(common);
        properties.put("server.port", Integer.toString(port));
        properties.put("launchpad.rate-limits.enabled", Boolean.toString(rateLimited));
        // command-line arguments, because default properties lose to application.yml
        String[] args = properties.entrySet()
            .stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
        return new SpringApplicationBuilder(MarketplaceApiApplication.class).run(args);
    }

    private static List<String> seed(String api) throws Exception {
        List<String> ids = new ArrayList<>();
        String text = "We survey, treat and monitor damp and mould in social housing, with sensors, tenant "
                + "engagement and repairs teams across the north of England. ";
        for (int i = 0; i < SUPPLIERS; i++) {
            var user = TestTokens.user("supplier");
            String org = field(
                    send(api + "/api/v1/organisations", "POST", user.bearer(),
                            "{\"name\":\"Bench Supplier " + UUID.randomUUID() + "\",\"type\":\"supplier\"}", null),
                    "id");
            String id = field(send(api + "/api/v1/suppliers", "POST", user.bearer(),
                    "{\"organisationId\":\"" + org + "\",\"name\":\"Bench Supplier " + i + "\",\"summary\":\"" + text
                            + "\",\"capabilities\":\"" + text.repeat(6)
                            + "\",\"regions\":[\"north-east\",\"north-west\"],"
                            + "\"accreditations\":[\"cyber-essentials\"],\"size\":\"small\"}",
                    null), "id");
            send(api + "/api/v1/suppliers/" + id + "/publish", "POST", user.bearer(), null, null);
            ids.add(id);
        }
        return ids;
    }

    private static void conditional(String api, List<String> supplierIds) throws Exception {
        // a client revisits a list page and 20 profiles; every 25th request an owner
        // edits something
        Map<String, String> etags = new LinkedHashMap<>();
        List<String> urls = new ArrayList<>();
        urls.add(api + "/api/v1/suppliers?limit=20");
        urls.add(api + "/api/v1/taxonomy");
        supplierIds.subList(0, 20).forEach(id -> urls.add(api + "/api/v1/suppliers/" + id));
        int repeats = 0;
        int notModified = 0;
        long bytes200 = 0;
        for (int i = 0; i < 600; i++) {
            if (i > 0 && i % 25 == 0) {
                // a new profile is published: the first list page changes
                seedOne(api);
            }
            String url = urls.get(i % urls.size());
            var request = HttpRequest.newBuilder(URI.create(url));
            String etag = etags.get(url);
            if (etag != null) {
                request.header("If-None-Match", etag);
                repeats++;
            }
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 304) {
                notModified++;
            }
            else {
                bytes200 += response.body().length;
            }
            response.headers().firstValue("ETag").ifPresent(tag -> etags.put(url, tag));
        }
        System.out.printf("repeat GETs: %d, answered 304: %d (%.1f%%); body bytes of the 200s: %d%n", repeats,
                notModified, 100.0 * notModified / repeats, bytes200);
    }

    private static void seedOne(String api) throws Exception {
        var user = TestTokens.user("supplier");
        String org = field(send(api + "/api/v1/organisations", "POST", user.bearer(),
                "{\"name\":\"Bench Late " + UUID.randomUUID() + "\",\"type\":\"supplier\"}", null), "id");
        String id = field(send(
                api + "/api/v1/suppliers", "POST", user.bearer(), "{\"organisationId\":\"" + org
                        + "\",\"name\":\"Late supplier\",\"summary\":\"Arrived later\"," + "\"regions\":[\"london\"]}",
                null), "id");
        send(api + "/api/v1/suppliers/" + id + "/publish", "POST", user.bearer(), null, null);
    }

    private interface Call {

        void run() throws Exception;

    }

    private static void latency(String label, Call call) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-56s %8.2f %8.2f%n", label, nanos[SAMPLES / 2] / 1e6, nanos[(int) (SAMPLES * 0.99)] / 1e6);
    }

    private static void post(String api, String bearer, String key) throws Exception {
        post(api, bearer, key, "Bench Org " + UUID.randomUUID());
    }

    private static void post(String api, String bearer, String key, String name) throws Exception {
        send(api + "/api/v1/organisations", "POST", bearer, "{\"name\":\"" + name + "\",\"type\":\"association\"}",
                key);
    }

    private static void get(String url, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + response.statusCode());
        }
    }

    private static String send(String url, String method, String bearer, String json, String key) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", bearer)
            .method(method,
                    json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static long body(String url, boolean gzip) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (gzip && !response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            throw new IllegalStateException("not compressed: " + url);
        }
        return response.body().length;
    }

    private static void row(String label, long bytes, long baseline) {
        System.out.printf("%-32s %9d bytes  %5.1f%% of plain%n", label, bytes, 100.0 * bytes / baseline);
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

}
