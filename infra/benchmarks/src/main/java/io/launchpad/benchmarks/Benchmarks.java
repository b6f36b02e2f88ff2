package io.launchpad.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.launchpad.infra.stack.ElasticsearchServer;
import io.launchpad.infra.stack.Postgres;
import io.launchpad.infra.stack.ProjectPaths;
import io.launchpad.infra.stack.Rss;
import io.launchpad.infra.stack.SpringBootProcess;
import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.IndexLifecycle;
import io.launchpad.matching.RankingMode;
import io.launchpad.matching.ReindexReport;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.SupplierMatch;
import io.launchpad.matching.SupplierMatching;
import io.launchpad.matching.Taxonomy;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.launchpad.matching.indexes.EmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Collections;

/**
 * Speed and quality of matching, every figure from one run (see README, "Benchmarks").
 *
 * <p>
 * Real components, started here: PostgreSQL, an Elasticsearch node and the packaged API
 * jar in its own JVM (as production runs it), with tokens signed by a local key whose
 * JWKS the API fetches ({@link LocalTokens}) instead of Keycloak. Bulk data goes straight
 * into PostgreSQL (100k API calls would measure the loader, not matching); everything
 * measured goes through the API or the matching library as the API embeds it
 * ({@link InProcessMatching}).
 *
 * <p>
 * Scale: {@code -Dsuppliers=100000 -Dchallenges=10000} (defaults),
 * {@code -Dlatency.samples=500}, {@code -Dlag.samples=50}, {@code -Dseed=42};
 * {@code -Dparts=latency,quality} runs only those parts (of
 * {@code devset,devset-board,latency,lag,memory,quality}: the devset's supplier side
 * ({@link DevsetSuppliers}) and board side ({@link DevsetBoard}) through the API; the
 * reindex always runs, the others search what it built).
 * {@code -Dbenchmarks.work=<folder>} keeps the run's data there;
 * {@code -Dbenchmarks.reuse=true} with the same folder skips loading and reindexing and
 * measures latency, memory and quality over what is there; add
 * {@code -Dbenchmarks.reindex=true} to rebuild the indexes first from the current
 * templates, reusing the stored vectors (a few minutes at 100k, not an hour).
 */
public final class Benchmarks {

    /**
     * {@code -Dbenchmarks.port=...}: the first of four consecutive ports, so two runs on
     * one machine do not collide.
     */
    private static final int BASE_PORT = Integer.getInteger("benchmarks.port", 19510);

    private static final int ES_PORT = BASE_PORT;

    private static final int PG_PORT = BASE_PORT + 1;

    private static final int API_PORT = BASE_PORT + 2;

    private static final int JWKS_PORT = BASE_PORT + 3;

    /**
     * {@code -Dembedding.model=bge-small-en-v1.5-q}: the embedding model matching runs
     * with, in the API and in-process.
     */
    static final String EMBEDDING_MODEL = System.getProperty("embedding.model", EmbeddingModel.DEFAULT.id());

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String[]> RESULTS = new ArrayList<>();

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int supplierCount = Integer.getInteger("suppliers", 100_000);
        int challengeCount = Integer.getInteger("challenges", Math.max(100, supplierCount / 10));
        int latencySamples = Integer.getInteger("latency.samples", 500);
        int lagSamples = Integer.getInteger("lag.samples", 50);
        long seed = Long.getLong("seed", 42L);
        Set<String> parts = Set
            .of(System.getProperty("parts", "devset,devset-board,latency,lag,memory,quality").split(","));
        // a named folder outlives the run: -Dbenchmarks.reuse=true then searches what an
        // earlier run loaded and indexed there, so a change to the queries is measured at
        // 100k in minutes instead of the two hours the first load's embeddings take
        String named = System.getProperty("benchmarks.work");
        Path work = named == null ? Files.createTempDirectory("launchpad-benchmarks") : Path.of(named);
        boolean reuse = Boolean.getBoolean("benchmarks.reuse");
        if (reuse && !Files.isDirectory(work.resolve("postgres"))) {
            throw new IllegalStateException(
                    "-Dbenchmarks.reuse=true needs -Dbenchmarks.work=<folder of an earlier run>");
        }
        progress("Benchmarks: %,d suppliers, %,d challenges, seed %d, embedding model %s, work folder %s%s",
                supplierCount, challengeCount, seed, EMBEDDING_MODEL, work, reuse ? " (reused)" : "");

        Path apiJar = ProjectPaths.executableJar("marketplace-api");
        int suppliersShown = supplierCount;
        int challengesShown = challengeCount;
        try (Postgres postgres = Postgres.start(work.resolve("postgres"), PG_PORT, !reuse);
                ElasticsearchServer elasticsearch = ElasticsearchServer.start(work.resolve("elasticsearch"), ES_PORT);
                LocalTokens tokens = new LocalTokens(JWKS_PORT)) {
            progress("Starting the API jar %s", apiJar);
            try (SpringBootProcess api = SpringBootProcess.start("marketplace-api", apiJar, Map.of("API_PORT",
                    Integer.toString(API_PORT), "SPRING_PROFILES_ACTIVE", "embedded", "LAUNCHPAD_DB_R2DBC_URL",
                    postgres.r2dbcUrl(), "LAUNCHPAD_DB_JDBC_URL", postgres.jdbcUrl(), "LAUNCHPAD_DB_USER",
                    postgres.username(), "LAUNCHPAD_DB_PASSWORD", postgres.password(), "KEYCLOAK_ISSUER_URI",
                    tokens.issuer(), "ELASTICSEARCH_URL", elasticsearch.httpUrl(), "LOG_FORMAT", "ecs",
                    // one benchmark user sends thousands of requests: measure matching
                    // and authentication,
                    // not the per-person limits (their cost is measured by the contract
                    // benchmark)
                    "SPRING_APPLICATION_JSON", "{\"launchpad\":{\"rate-limits\":{\"enabled\":false},"
                            + "\"matching\":{\"embedding-model\":\"" + EMBEDDING_MODEL + "\"}}}"),
                    API_PORT, work.resolve("marketplace-api.log"), "768m")) {

                Generated data;
                if (reuse) {
                    data = Generated.read(postgres);
                    progress("Reusing %,d profiles and %,d challenges loaded and indexed by an earlier run",
                            data.supplierCount, data.challenges.size());
                    if (Boolean.getBoolean("benchmarks.reindex")) {
                        // rebuilds the indexes from the current templates (a schema
                        // change) without embedding anything again
                        reindexUnchanged(api, tokens.bearer(UUID.randomUUID().toString(), "admin"), data.supplierCount);
                    }
                }
                else {
                    data = loadAndIndex(api, postgres, tokens, elasticsearch, parts, supplierCount, challengeCount,
                            seed);
                }

                suppliersShown = data.supplierCount;
                challengesShown = data.challenges.size();

                ConfigurableApplicationContext direct = InProcessMatching.start(postgres.r2dbcUrl(),
                        postgres.username(), postgres.password(), elasticsearch.httpUrl(), "launchpad",
                        new InProcessMatching.Lists());
                try {
                    if (parts.contains("latency")) {
                        latency(api, tokens, data, direct.getBean(SupplierMatching.class), latencySamples);
                    }
                    if (parts.contains("lag") && reuse) {
                        progress("Lag skipped: the earlier run's lag part already updated the profiles it writes");
                    }
                    else if (parts.contains("lag")) {
                        lag(api, tokens, data, elasticsearch, lagSamples);
                    }
                    if (parts.contains("memory")) {
                        memory(api, elasticsearch, data.supplierCount);
                    }
                }
                finally {
                    direct.close();
                }

                if (parts.contains("quality")) {
                    quality(postgres, elasticsearch);
                }
            }
        }
        System.out.println();
        System.out.println("==== Launchpad matching benchmarks: " + suppliersShown + " suppliers, " + challengesShown
                + " challenges, embedding model " + EMBEDDING_MODEL + " ====");
        for (String[] row : RESULTS) {
            System.out.printf("%-48s %s%n", row[0], row[1]);
        }
        System.exit(0);
    }

    /**
     * The devset first (ranked against its own profiles only), then the generated data
     * into PostgreSQL and two full reindexes through the API: the first embeds
     * everything, the second re-indexes unchanged text.
     */
    private static Generated loadAndIndex(SpringBootProcess api, Postgres postgres, LocalTokens tokens,
            ElasticsearchServer elasticsearch, Set<String> parts, int supplierCount, int challengeCount, long seed)
            throws Exception {
        if (parts.contains("devset")) {
            // before the generated data: the devset is ranked against its own 180
            // profiles only
            new DevsetSuppliers(api.baseUrl(), elasticsearch.httpUrl(), tokens,
                    DevsetSuppliers.folder(ProjectPaths.root()), (what, line) -> result(what, "%s", line))
                .run();
        }
        Generated data = Generated.of(supplierCount, challengeCount, seed);
        data.load(postgres);

        // indexing: a full reindex through the API, embeddings included
        String admin = tokens.bearer(UUID.randomUUID().toString(), "admin");
        progress("Reindexing %,d profiles and %,d challenges through POST /api/v1/admin/reindex", supplierCount,
                challengeCount);
        JsonNode report = JSON
            .readTree(send("POST", api.baseUrl() + "/api/v1/admin/reindex", admin, null, Duration.ofHours(2), 200));
        JsonNode suppliersIndex = report.get("indexes").get(0);
        double perSecond = suppliersIndex.get("documentsPerSecond").asDouble();
        result("full reindex: supplier profiles", "%,d in %s -> %s", suppliersIndex.get("documents").asLong(),
                suppliersIndex.get("duration").asString(), suppliersIndex.get("newIndex").asString());
        result("indexing rate incl. embeddings", "%.0f profiles/s (goal >= 300/s: %s)", perSecond,
                met(perSecond >= 300));
        // a second full reindex of the same, unchanged data: what an operator's
        // routine rebuild costs
        reindexUnchanged(api, admin, supplierCount);

        if (parts.contains("devset-board")) {
            DevsetBoard.run(api.baseUrl(), tokens, data.association, data.associationMember, Benchmarks::result);
        }

        return data;
    }

    /**
     * A full reindex through the API of text already embedded: the vectors come from the
     * live index, so it measures the rebuild, not the model.
     */
    private static void reindexUnchanged(SpringBootProcess api, String admin, int supplierCount) throws Exception {
        progress("Reindexing the same %,d profiles again (text unchanged)", supplierCount);
        JsonNode again = JSON
            .readTree(send("POST", api.baseUrl() + "/api/v1/admin/reindex", admin, null, Duration.ofHours(2), 200));
        JsonNode suppliersAgain = again.get("indexes").get(0);
        double againPerSecond = suppliersAgain.get("documentsPerSecond").asDouble();
        result("re-index rate, text unchanged", "%.0f profiles/s, %,d in %s (goal >= 300/s: %s)", againPerSecond,
                suppliersAgain.get("documents").asLong(), suppliersAgain.get("duration").asString(),
                met(againPerSecond >= 300));
    }

    private static void quality(Postgres postgres, ElasticsearchServer elasticsearch) throws Exception {
        InProcessMatching.Lists lists = new InProcessMatching.Lists();
        ConfigurableApplicationContext quality = InProcessMatching.start(postgres.r2dbcUrl(), postgres.username(),
                postgres.password(), elasticsearch.httpUrl(), "bench-quality", lists);
        try {
            dosQuality(quality, lists);
            housingQuality(quality, lists);
        }
        finally {
            quality.close();
        }
    }

    // ---- latency
    // ---------------------------------------------------------------------------------

    private static void latency(SpringBootProcess api, LocalTokens tokens, Generated data, SupplierMatching direct,
            int samples) throws Exception {
        String owner = tokens.bearer(data.associationMember.toString(), "association");
        Random random = new Random(7);
        int warmUp = Math.min(100, samples);
        progress("Latency: %d warm-up + %d measured requests, API and direct side by side", warmUp, samples);
        long[] viaApi = new long[samples];
        long[] viaLibrary = new long[samples];
        for (int i = -warmUp; i < samples; i++) {
            ChallengeDocument challenge = data.challenges.get(random.nextInt(data.challenges.size()));
            long started = System.nanoTime();
            send("GET", api.baseUrl() + "/api/v1/challenges/" + challenge.id() + "/matches?limit=10", owner, null,
                    Duration.ofSeconds(30), 200);
            long apiNanos = System.nanoTime() - started;
            started = System.nanoTime();
            List<SupplierMatch> found = direct.suppliersFor(challenge, 10).block(Duration.ofSeconds(30));
            long directNanos = System.nanoTime() - started;
            if (found == null) {
                throw new IllegalStateException("no answer from matching");
            }
            if (i >= 0) {
                viaApi[i] = apiNanos;
                viaLibrary[i] = directNanos;
            }
            if (i > 0 && i % 100 == 0) {
                progress("  %d/%d requests", i, samples);
            }
        }
        double apiP50 = millis(percentile(viaApi, 0.50));
        double apiP99 = millis(percentile(viaApi, 0.99));
        double directP50 = millis(percentile(viaLibrary, 0.50));
        double directP99 = millis(percentile(viaLibrary, 0.99));
        result("matches via API (HTTP + JWT + DB + ES)", "p50 %.1f ms, p99 %.1f ms (goal p99 < 50 ms: %s)", apiP50,
                apiP99, met(apiP99 < 50));
        result("same ES queries direct (matching library)", "p50 %.1f ms, p99 %.1f ms", directP50, directP99);
        result("API / direct ratio", "p50 %.2f, p99 %.2f (goal < 1.5: %s)", apiP50 / directP50, apiP99 / directP99,
                met(apiP50 / directP50 < 1.5 && apiP99 / directP99 < 1.5));
    }

    // ---- write-to-searchable lag
    // ---------------------------------------------------------------------

    private static void lag(SpringBootProcess api, LocalTokens tokens, Generated data,
            ElasticsearchServer elasticsearch, int samples) throws Exception {
        progress("Write-to-searchable lag: %d profile updates through the API", samples);
        String member = tokens.bearer(data.supplierMember.toString(), "supplier");
        long[] lags = new long[samples];
        for (int i = 0; i < samples; i++) {
            SupplierDocument profile = data.suppliers.get(i);
            String body = JSON.writeValueAsString(Map.of("organisationId", profile.organisationId().toString(), "name",
                    profile.name(), "summary", profile.summary() + " (updated " + i + ")", "capabilities",
                    profile.capabilities(), "regions", profile.regions(), "accreditations", profile.accreditations(),
                    "size", profile.size()));
            HttpRequest put = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/suppliers/" + profile.id()))
                .header("Authorization", member)
                .header("If-Match", "\"1\"")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build();
            HttpResponse<String> response = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "profile update answered " + response.statusCode() + ": " + response.body());
            }
            long written = System.nanoTime();
            String query = "{\"size\":0,\"query\":{\"bool\":{\"filter\":[{\"term\":{\"supplier_id\":\"" + profile.id()
                    + "\"}},{\"term\":{\"version\":2}}]}}}";
            while (true) {
                String found = send("POST", elasticsearch.httpUrl() + "/launchpad-suppliers/_search", null, query,
                        Duration.ofSeconds(10), 200);
                if (!found.contains("\"value\":0")) {
                    break;
                }
                if (System.nanoTime() - written > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("profile " + profile.id() + " not searchable after 60 s");
                }
                Thread.sleep(10);
            }
            lags[i] = System.nanoTime() - written;
        }
        double p50 = millis(percentile(lags, 0.50));
        double p99 = millis(percentile(lags, 0.99));
        result("write-to-searchable lag", "p50 %.0f ms, p99 %.0f ms (goal p99 < 2 s: %s)", p50, p99, met(p99 < 2000));
    }

    // ---- memory
    // ---------------------------------------------------------------------------------------

    private static void memory(SpringBootProcess api, ElasticsearchServer elasticsearch, int suppliers)
            throws Exception {
        String stats = send("GET", elasticsearch.httpUrl() + "/_nodes/stats/jvm", null, null, Duration.ofSeconds(10),
                200);
        long used = firstLong(stats, "heap_used_in_bytes");
        long max = firstLong(stats, "heap_max_in_bytes");
        result("API process RSS", "%,d MB at %,d suppliers", Rss.kib(api.pid()) / 1024, suppliers);
        result("Elasticsearch heap", "%,d MB used of %,d MB", used / (1024 * 1024), max / (1024 * 1024));
    }

    // ---- quality on the DOS export
    // ---------------------------------------------------------------------

    private static void dosQuality(ConfigurableApplicationContext matching, InProcessMatching.Lists lists) {
        List<Datasets.Opportunity> awarded = Datasets.opportunities()
            .stream()
            .filter(o -> !o.winner().isBlank())
            .toList();
        Map<String, List<Datasets.Opportunity>> wins = awarded.stream()
            .collect(Collectors.groupingBy(o -> o.winner().toLowerCase(Locale.ROOT).strip(), LinkedHashMap::new,
                    Collectors.toList()));
        List<SupplierDocument> profiles = new ArrayList<>();
        Map<String, UUID> variantOrganisation = new LinkedHashMap<>();
        List<Datasets.Opportunity> queries = new ArrayList<>();
        for (var winner : wins.entrySet()) {
            profiles.add(dosProfile("full|" + winner.getKey(), winner.getValue()));
            if (winner.getValue().size() < 2) {
                continue;
            }
            for (Datasets.Opportunity left : winner.getValue()) {
                List<Datasets.Opportunity> others = winner.getValue().stream().filter(o -> o != left).toList();
                SupplierDocument variant = dosProfile("loo|" + winner.getKey() + "|" + left.id(), others);
                profiles.add(variant);
                variantOrganisation.put(left.id(), variant.organisationId());
                queries.add(left);
            }
        }
        progress(
                "DOS quality: %d awarded opportunities, %d winners, %d opportunities whose winner has other wins; indexing %d profiles",
                awarded.size(), wins.size(), queries.size(), profiles.size());
        lists.suppliers = profiles;
        lists.challenges = List.of();
        ReindexReport report = Objects.requireNonNull(
                matching.getBean(IndexLifecycle.class).reindex().block(Duration.ofMinutes(30)),
                "a reindex ends with its report");
        progress("  indexed in %s", report.duration());
        SupplierMatching ranking = matching.getBean(SupplierMatching.class);
        Set<UUID> allVariants = new HashSet<>(variantOrganisation.values());
        for (RankingMode mode : RankingMode.values()) {
            double hits = 0;
            double reciprocal = 0;
            for (Datasets.Opportunity opportunity : queries) {
                String winner = opportunity.winner().toLowerCase(Locale.ROOT).strip();
                UUID own = variantOrganisation.get(opportunity.id());
                // each query sees every winner's full profile except the real winner's,
                // whose stand-in is the
                // profile built from its other wins only; the other leave-one-out
                // variants are hidden
                Set<UUID> excluded = new HashSet<>(allVariants);
                excluded.remove(own);
                excluded.add(organisation("full|" + winner));
                List<SupplierMatch> ranked = Objects
                    .requireNonNull(ranking.suppliersFor(dosChallenge(opportunity), 100, mode, excluded)
                        .block(Duration.ofSeconds(30)), "ranking answers with a list");
                int rank = 0;
                for (int i = 0; i < ranked.size(); i++) {
                    if (ranked.get(i).supplierId().equals(id("loo|" + winner + "|" + opportunity.id()))) {
                        rank = i + 1;
                        break;
                    }
                }
                hits += rank >= 1 && rank <= 10 ? 1 : 0;
                reciprocal += rank == 0 ? 0 : 1.0 / rank;
            }
            result("DOS real winners, " + mode, "recall@10 %.3f, MRR %.3f over %d opportunities", hits / queries.size(),
                    reciprocal / queries.size(), queries.size());
            RESULTS_BY_MODE.put("dos-" + mode, hits / queries.size() + reciprocal / queries.size());
        }
        result("DOS: hybrid beats BM25 alone", "%s", met(recorded("dos-HYBRID") > recorded("dos-BM25")));
    }

    private static final Map<String, Double> RESULTS_BY_MODE = new LinkedHashMap<>();

    /**
     * A figure recorded earlier in the run: each mode is measured before the two are
     * compared.
     */
    private static double recorded(String key) {
        return Objects.requireNonNull(RESULTS_BY_MODE.get(key), key + " is measured before it is compared");
    }

    private static SupplierDocument dosProfile(String key, List<Datasets.Opportunity> wins) {
        String name = wins.getFirst().winner();
        String capabilities = wins.stream().map(Datasets.Opportunity::title).collect(Collectors.joining("; "));
        String products = wins.stream()
            .map(o -> o.specialist().isBlank() ? o.category() : o.specialist())
            .distinct()
            .map(s -> s.replace('-', ' '))
            .collect(Collectors.joining(", "));
        String caseStudies = wins.stream().map(o -> o.title() + " for " + o.buyer()).collect(Collectors.joining(". "));
        return new SupplierDocument(id(key), organisation(key), name, "Digital supplier to the public sector",
                capabilities, products, caseStudies, List.of("remote"), List.of(), "medium", true, 1, Instant.now());
    }

    private static ChallengeDocument dosChallenge(Datasets.Opportunity opportunity) {
        String role = opportunity.specialist().isBlank() ? opportunity.category() : opportunity.specialist();
        return new ChallengeDocument(id("dos|" + opportunity.id()), organisation("buyer|" + opportunity.buyer()),
                opportunity.buyer(), opportunity.title(), role.replace('-', ' '),
                opportunity.title() + " for " + opportunity.buyer(), List.of(), List.of(), "published",
                LocalDate.now().plusDays(14), 1, Instant.now(), List.of());
    }

    // ---- quality on the labelled housing set
    // ------------------------------------------------------------

    private static void housingQuality(ConfigurableApplicationContext matching, InProcessMatching.Lists lists) {
        List<Datasets.LabelledSupplier> suppliers = Datasets.labelledSuppliers();
        List<Datasets.LabelledChallenge> challenges = Datasets.labelledChallenges();
        progress("Housing quality: %d labelled challenges over %d suppliers", challenges.size(), suppliers.size());
        lists.suppliers = suppliers.stream()
            .map(s -> new SupplierDocument(id("housing|" + s.key()), organisation("housing|" + s.key()), s.name(),
                    s.summary(), s.capabilities(), null, null, List.of("remote"), List.of(), "small", true, 1,
                    Instant.now()))
            .toList();
        lists.challenges = List.of();
        matching.getBean(IndexLifecycle.class).reindex().block(Duration.ofMinutes(10));
        Map<UUID, String> keys = suppliers.stream()
            .collect(Collectors.toMap(s -> id("housing|" + s.key()), Datasets.LabelledSupplier::key));
        SupplierMatching ranking = matching.getBean(SupplierMatching.class);
        for (RankingMode mode : RankingMode.values()) {
            double total = 0;
            for (Datasets.LabelledChallenge challenge : challenges) {
                ChallengeDocument document = new ChallengeDocument(id("housing-challenge|" + challenge.title()),
                        UUID.randomUUID(), "Riverside Homes", challenge.title(), challenge.summary(), null, List.of(),
                        List.of(), "published", LocalDate.now().plusDays(30), 1, Instant.now(), List.of());
                List<SupplierMatch> ranked = Objects.requireNonNull(
                        ranking.suppliersFor(document, 10, mode).block(Duration.ofSeconds(30)),
                        "ranking answers with a list");
                total += ndcgAt10(ranked.stream().map(m -> keys.get(m.supplierId())).toList(), challenge.grades());
            }
            double ndcg = total / challenges.size();
            RESULTS_BY_MODE.put("housing-" + mode, ndcg);
            result("housing labelled set, " + mode, "nDCG@10 %.3f over %d challenges", ndcg, challenges.size());
        }
        result("housing: hybrid beats BM25 alone", "%s", met(recorded("housing-HYBRID") > recorded("housing-BM25")));
    }

    static double ndcgAt10(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            int grade = grades.getOrDefault(ranked.get(i), 0);
            dcg += (Math.pow(2, grade) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(10, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    // ---- the generated data set
    // ---------------------------------------------------------------------------

    /**
     * Seeded, realistic profiles and challenges from the taxonomy and the real DOS
     * opportunity titles.
     */
    static final class Generated {

        final List<SupplierDocument> suppliers = new ArrayList<>();

        final List<ChallengeDocument> challenges = new ArrayList<>();

        final UUID association;

        final UUID associationMember;

        final UUID supplierMember;

        /** Profiles in PostgreSQL (those generated, or those found when reused). */
        int supplierCount;

        private Generated(UUID association, UUID associationMember, UUID supplierMember) {
            this.association = association;
            this.associationMember = associationMember;
            this.supplierMember = supplierMember;
        }

        private static final String[] FIRST = { "Bright", "Civic", "Hearth", "Northgate", "Open", "Keystone",
                "Riverside", "Beacon", "Clear", "Harbour", "Summit", "Willow", "Granite", "Meridian", "Oak", "Vantage",
                "Cobalt", "Tidal" };

        private static final String[] SECOND = { "Digital", "Systems", "Homes Tech", "Data", "Sensors", "Works", "Labs",
                "Solutions", "Analytics", "Services", "Software", "Energy", "Care Tech", "Insight" };

        static Generated of(int supplierCount, int challengeCount, long seed) {
            Random random = new Random(seed);
            Taxonomy taxonomy = Taxonomy.housing();
            List<Taxonomy.Term> categories = taxonomy.terms(Taxonomy.CATEGORY);
            List<Taxonomy.Term> capabilities = taxonomy.terms(Taxonomy.CAPABILITY);
            List<String> regions = taxonomy.codes(Taxonomy.REGION);
            List<String> accreditations = taxonomy.codes(Taxonomy.ACCREDITATION);
            List<String> sizes = taxonomy.codes(Taxonomy.ORGANISATION_SIZE);
            List<Datasets.Opportunity> opportunities = Datasets.opportunities();
            Generated data = new Generated(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            data.supplierCount = supplierCount;
            progress("Generating %,d supplier profiles and %,d challenges", supplierCount, challengeCount);
            for (int i = 0; i < supplierCount; i++) {
                Taxonomy.Term main = pick(random, categories);
                Taxonomy.Term second = pick(random, categories);
                Taxonomy.Term capability = pick(random, capabilities);
                Datasets.Opportunity a = pick(random, opportunities);
                Datasets.Opportunity b = pick(random, opportunities);
                String name = pick(random, FIRST) + " " + pick(random, SECOND) + " " + i;
                String summary = "We help housing associations with " + main.label().toLowerCase(Locale.ROOT) + " and "
                        + second.label().toLowerCase(Locale.ROOT);
                String capabilityText = String.join(", ", phrases(random, main, 3)) + "; "
                        + String.join(", ", phrases(random, second, 2)) + "; " + capability.label();
                String products = String.join(", ", phrases(random, capability, 2)) + " platform";
                String caseStudies = a.title() + " for " + a.buyer() + ". " + b.title() + " for " + b.buyer() + ".";
                List<String> served = random.nextInt(4) == 0 ? List.of("remote")
                        : List.of(pick(random, regions), pick(random, regions));
                List<String> held = random.nextBoolean() ? List.of(pick(random, accreditations)) : List.of();
                data.suppliers.add(new SupplierDocument(UUID.randomUUID(), UUID.randomUUID(), name, summary,
                        capabilityText, products, caseStudies, served.stream().distinct().toList(), held,
                        pick(random, sizes), true, 1, Instant.now()));
            }
            for (int i = 0; i < challengeCount; i++) {
                Taxonomy.Term category = pick(random, categories);
                Datasets.Opportunity opportunity = pick(random, opportunities);
                String title = opportunity.title();
                String summary = "We want help with " + String.join(" and ", phrases(random, category, 2));
                String description = "Our residents and staff need " + category.label().toLowerCase(Locale.ROOT) + ". "
                        + "Previously: " + pick(random, opportunities).title() + ".";
                List<String> where = random.nextInt(3) == 0 ? List.of() : List.of(pick(random, regions));
                // requirements as associations write them, so matching judges evidence
                // per requirement as in real use
                List<String> sought = phrases(random, category, 2);
                Datasets.Opportunity similar = pick(random, opportunities);
                List<String> essential = new ArrayList<>(
                        List.of("Proven experience of " + sought.getFirst() + " with a social landlord",
                                pick(random, capabilities).label() + " that works with our existing housing systems"));
                List<String> niceToHave = List.of("Has delivered work like \"" + similar.title() + "\" for "
                        + (similar.buyer().isBlank() ? "a public body" : similar.buyer()));
                if (sought.size() > 1 && random.nextBoolean()) {
                    essential.add("Can show results in " + sought.get(1) + " within a 12-week pilot");
                }
                data.challenges.add(new ChallengeDocument(UUID.randomUUID(), data.association, "Benchmark Homes", title,
                        summary, description, List.of(category.code()),
                        where.stream().filter(r -> !r.equals("remote")).toList(), "published",
                        LocalDate.now().plusDays(30), 1, Instant.now(), List.of(), essential, niceToHave));
            }
            return data;
        }

        /**
         * What an earlier run loaded: the benchmark association, its member and its
         * published challenges (profiles are only counted: latency asks for challenges).
         */
        static Generated read(Postgres postgres) throws Exception {
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                    postgres.password())) {
                UUID association;
                UUID member;
                try (var found = db.prepareStatement("select o.id, m.subject from organisation o join membership m"
                        + " on m.organisation_id = o.id where o.name = 'Benchmark Homes' and o.type = 'association'")
                    .executeQuery()) {
                    if (!found.next()) {
                        throw new IllegalStateException("no benchmark data in this folder's PostgreSQL");
                    }
                    association = found.getObject(1, UUID.class);
                    member = UUID.fromString(found.getString(2));
                }
                Generated data = new Generated(association, member, UUID.randomUUID());
                try (var count = db.prepareStatement("select count(*) from supplier_profile").executeQuery()) {
                    count.next();
                    data.supplierCount = count.getInt(1);
                }
                try (PreparedStatement select = db.prepareStatement("""
                        select id, title, summary, description, categories, regions, closing_date, version,
                            essential_requirements, nice_to_have_requirements
                        from challenge where organisation_id = ? and status = 'published' order by id""")) {
                    select.setObject(1, association);
                    try (var rows = select.executeQuery()) {
                        while (rows.next()) {
                            data.challenges.add(new ChallengeDocument(rows.getObject(1, UUID.class), association,
                                    "Benchmark Homes", rows.getString(2), rows.getString(3), rows.getString(4),
                                    texts(rows.getArray(5)), texts(rows.getArray(6)), "published",
                                    rows.getObject(7, LocalDate.class), rows.getLong(8), Instant.now(), List.of(),
                                    texts(rows.getArray(9)), texts(rows.getArray(10))));
                        }
                    }
                }
                return data;
            }
        }

        private static List<String> texts(@Nullable Array array) throws SQLException {
            return array == null ? List.of() : List.of((String[]) array.getArray());
        }

        /**
         * Straight into PostgreSQL in batches: the data is the fixture, not the thing
         * measured.
         */
        void load(Postgres postgres) throws Exception {
            long started = System.nanoTime();
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                    postgres.password())) {
                db.setAutoCommit(false);
                try (PreparedStatement org = db
                    .prepareStatement("insert into organisation (id, name, type, verified) values (?, ?, ?, true)");
                        PreparedStatement member = db
                            .prepareStatement("insert into membership (organisation_id, subject) values (?, ?)")) {
                    org.setObject(1, association);
                    org.setString(2, "Benchmark Homes");
                    org.setString(3, "association");
                    org.executeUpdate();
                    member.setObject(1, association);
                    member.setString(2, associationMember.toString());
                    member.executeUpdate();
                    try (PreparedStatement profile = db.prepareStatement(
                            """
                                    insert into supplier_profile (id, organisation_id, name, summary, capabilities, products, case_studies,
                                        regions, accreditations, size, status, published_at, version)
                                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', now(), 1)""")) {
                        for (int i = 0; i < suppliers.size(); i++) {
                            SupplierDocument s = suppliers.get(i);
                            org.setObject(1, s.organisationId());
                            org.setString(2, s.name());
                            org.setString(3, "supplier");
                            org.addBatch();
                            if (i < 1_000) {
                                member.setObject(1, s.organisationId());
                                member.setString(2, supplierMember.toString());
                                member.addBatch();
                            }
                            profile.setObject(1, s.id());
                            profile.setObject(2, s.organisationId());
                            profile.setString(3, s.name());
                            profile.setString(4, s.summary());
                            profile.setString(5, s.capabilities());
                            profile.setString(6, s.products());
                            profile.setString(7, s.caseStudies());
                            profile.setArray(8, db.createArrayOf("text", s.regions().toArray()));
                            profile.setArray(9, db.createArrayOf("text", s.accreditations().toArray()));
                            profile.setString(10, s.size());
                            profile.addBatch();
                            if (i % 2_000 == 1_999 || i == suppliers.size() - 1) {
                                org.executeBatch();
                                member.executeBatch();
                                profile.executeBatch();
                                db.commit();
                            }
                            if (i % 20_000 == 19_999) {
                                progress("  %,d profiles in PostgreSQL", i + 1);
                            }
                        }
                    }
                    try (PreparedStatement challenge = db.prepareStatement(
                            """
                                    insert into challenge (id, organisation_id, title, summary, description, categories, regions, status,
                                        closing_date, published_at, version, essential_requirements, nice_to_have_requirements)
                                    values (?, ?, ?, ?, ?, ?, ?, 'published', ?, now(), 1, ?, ?)""")) {
                        for (int i = 0; i < challenges.size(); i++) {
                            ChallengeDocument c = challenges.get(i);
                            challenge.setObject(1, c.id());
                            challenge.setObject(2, association);
                            challenge.setString(3, c.title());
                            challenge.setString(4, c.summary());
                            challenge.setString(5, c.description());
                            challenge.setArray(6, db.createArrayOf("text", c.categories().toArray()));
                            challenge.setArray(7, db.createArrayOf("text", c.regions().toArray()));
                            challenge.setObject(8, c.closingDate());
                            challenge.setArray(9, db.createArrayOf("text", c.essentialRequirements().toArray()));
                            challenge.setArray(10, db.createArrayOf("text", c.niceToHaveRequirements().toArray()));
                            challenge.addBatch();
                            if (i % 2_000 == 1_999 || i == challenges.size() - 1) {
                                challenge.executeBatch();
                                db.commit();
                            }
                        }
                    }
                }
                db.commit();
            }
            progress("Loaded %,d profiles and %,d challenges into PostgreSQL in %.1f s", suppliers.size(),
                    challenges.size(), (System.nanoTime() - started) / 1e9);
        }

        private static List<String> phrases(Random random, Taxonomy.Term term, int count) {
            List<String> all = new ArrayList<>(term.phrases());
            Collections.shuffle(all, random);
            return all.subList(0, Math.min(count, all.size()));
        }

        private static <T> T pick(Random random, List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        private static String pick(Random random, String[] from) {
            return from[random.nextInt(from.length)];
        }

    }

    // ---- helpers
    // -------------------------------------------------------------------------------------------

    private static String send(String method, String url, @Nullable String bearer, @Nullable String json,
            Duration timeout, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static long percentile(long[] values, double quantile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static long firstLong(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("id|" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID organisation(String key) {
        return UUID.nameUUIDFromBytes(("organisation|" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT MET";
    }

    private static void result(String what, String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        RESULTS.add(new String[] { what, line });
        progress("RESULT %s: %s", what, line);
    }

    static void progress(String format, @Nullable Object... args) {
        System.out.printf(Locale.ROOT, "[%s] %s%n", LocalTime.now().withNano(0),
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

}
