package io.launchpad.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.launchpad.matching.indexes.Embeddings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.launchpad.matching.indexes.EmbeddingModel;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The supplier side of the independent development set
 * ({@code ../shared/data/matching-devset}, see its README) run as a new customer would
 * run it: verified organisations, supplier profiles and published challenges created
 * through the HTTP API, then {@code /api/v1/challenges/{id}/matches} asked in hybrid and
 * in BM25 mode (the API applies its hard filters in both). The qrels are read only to
 * score the answers.
 *
 * <p>
 * Mapping from the devset's formats to the API's: region names and accreditation names to
 * the codes the API's own {@code /api/v1/taxonomy} gives them, {@code UK-wide} to the
 * serve-everywhere region, case studies to text. The devset's challenges carry no
 * category; an association picks the one it finds closest, done here by meaning (the
 * category label nearest the challenge text), never from the qrels.
 */
final class DevsetSuppliers {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String UK_WIDE = "UK-wide";

    private static final String EVERYWHERE = "remote";

    private final String api;

    private final String elasticsearch;

    private final LocalTokens tokens;

    private final BiConsumer<String, String> result;

    private final Path folder;

    DevsetSuppliers(String api, String elasticsearch, LocalTokens tokens, Path folder,
            BiConsumer<String, String> result) {
        this.api = api;
        this.elasticsearch = elasticsearch;
        this.tokens = tokens;
        this.folder = folder;
        this.result = result;
    }

    /**
     * The devset folder: {@code -Ddevset=...}, else
     * {@code ../shared/data/matching-devset} beside the checkout.
     */
    static Path folder(Path root) {
        String given = System.getProperty("devset");
        return given != null ? Path.of(given) : root.resolve("../shared/data/matching-devset").normalize();
    }

    void run() throws Exception {
        if (!Files.isRegularFile(folder.resolve("suppliers.json"))) {
            result.accept("devset (suppliers)", "skipped: no devset at " + folder);
            return;
        }
        JsonNode suppliers = read("suppliers.json");
        JsonNode challenges = read("challenges.json");
        JsonNode qrels = read("qrels.json");
        Map<String, JsonNode> supplierById = new LinkedHashMap<>();
        suppliers.forEach(s -> supplierById.put(s.get("id").asString(), s));

        JsonNode taxonomy = JSON.readTree(send("GET", "/api/v1/taxonomy", null, null, 200));
        Map<String, String> regionCodes = codesByLabel(taxonomy, "region");
        Map<String, String> accreditationCodes = codesByLabel(taxonomy, "accreditation");
        List<String[]> categories = new ArrayList<>();
        for (JsonNode term : taxonomy.get("vocabularies").get("category")) {
            List<String> words = new ArrayList<>(List.of(term.get("label").asString()));
            term.get("altLabels").forEach(alt -> words.add(alt.asString()));
            categories.add(new String[] { term.get("code").asString(), String.join(", ", words) });
        }

        String admin = tokens.bearer(UUID.randomUUID().toString(), "admin");
        String associationMember = tokens.bearer(UUID.randomUUID().toString(), "association");
        String supplierMember = tokens.bearer(UUID.randomUUID().toString(), "supplier");
        long started = System.nanoTime();
        Benchmarks.progress("Devset: %d supplier profiles and %d challenges through the API", suppliers.size(),
                challenges.size());

        Map<UUID, String> devsetIdOf = new HashMap<>();
        for (JsonNode s : suppliers) {
            UUID organisation = verifiedOrganisation(s.get("name").asString(), "supplier", supplierMember, admin);
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("organisationId", organisation.toString());
            profile.put("name", s.get("name").asString());
            profile.put("summary", s.get("summary").asString());
            profile.put("capabilities", strings(s.get("capabilities")).stream().collect(Collectors.joining("\n")));
            profile.put("caseStudies", caseStudies(s.get("case_studies")));
            profile.put("regions",
                    strings(s.get("regions_served")).stream()
                        .map(name -> name.equals(UK_WIDE) ? EVERYWHERE : code(regionCodes, name, "region"))
                        .toList());
            profile.put("accreditations",
                    strings(s.get("accreditations")).stream()
                        .map(name -> code(accreditationCodes, name, "accreditation"))
                        .toList());
            profile.put("size", s.get("size").asString());
            JsonNode created = JSON
                .readTree(send("POST", "/api/v1/suppliers", supplierMember, JSON.writeValueAsString(profile), 201));
            String id = created.get("id").asString();
            send("POST", "/api/v1/suppliers/" + id + "/publish", supplierMember, null, 200);
            devsetIdOf.put(UUID.fromString(id), s.get("id").asString());
        }

        UUID association = verifiedOrganisation("Devset Housing Association", "association", associationMember, admin);
        // the association's choice of category, simulated the same way whichever model
        // matching runs
        Embeddings embeddings = new Embeddings(EmbeddingModel.ALL_MINILM_L6_V2);
        List<float[]> categoryVectors = embeddings.embedAll(categories.stream().map(c -> c[1]).toList(),
                EmbeddingModel.Side.PASSAGE);
        Map<String, String> challengeIds = new LinkedHashMap<>();
        for (JsonNode c : challenges) {
            String description = c.get("description").asString();
            String firstSentence = firstSentence(description);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("organisationId", association.toString());
            fields.put("title", c.get("title").asString());
            fields.put("summary", firstSentence);
            fields.put("description", description.substring(firstSentence.length()).strip());
            float[] meaning = Objects.requireNonNull(embeddings.embed(c.get("title").asString() + "\n" + description),
                    "a challenge's title is never blank");
            fields.put("categories", List.of(categories.get(nearest(meaning, categoryVectors))[0]));
            fields.put("regions", List.of(code(regionCodes, c.get("region").asString(), "region")));
            fields.put("closingDate", LocalDate.now().plusDays(30).toString());
            fields.put("essentialRequirements", strings(c.get("essential_requirements")));
            fields.put("niceToHaveRequirements", strings(c.get("nice_to_have")));
            fields.put("requiredAccreditations",
                    strings(c.get("required_accreditations")).stream()
                        .map(name -> code(accreditationCodes, name, "accreditation"))
                        .toList());
            fields.put("budgetMaxPounds", c.get("budget_gbp_max").asInt());
            JsonNode created = JSON
                .readTree(send("POST", "/api/v1/challenges", associationMember, JSON.writeValueAsString(fields), 201));
            String id = created.get("id").asString();
            send("POST", "/api/v1/challenges/" + id + "/publish", associationMember, null, 200);
            challengeIds.put(c.get("id").asString(), id);
        }
        waitUntilIndexed("launchpad-suppliers", "supplier_id",
                devsetIdOf.keySet().stream().map(UUID::toString).toList());
        waitUntilIndexed("launchpad-challenges", "challenge_id", List.copyOf(challengeIds.values()));
        Benchmarks.progress("Devset loaded and indexed in %.1f s", (System.nanoTime() - started) / 1e9);

        Map<String, JsonNode> challengeById = new LinkedHashMap<>();
        challenges.forEach(c -> challengeById.put(c.get("id").asString(), c));
        Set<String> empties = new HashSet<>(strings(qrels.get("empty_profile_supplier_ids")));
        boolean perQuery = Boolean.getBoolean("devset.per-query");
        Map<String, Double> ndcgByMode = new LinkedHashMap<>();
        Calibration calibration = new Calibration();
        for (String mode : List.of("hybrid", "bm25")) {
            Tally tally = new Tally();
            for (var entry : challengeIds.entrySet()) {
                JsonNode answer = JSON
                    .readTree(send("GET", "/api/v1/challenges/" + entry.getValue() + "/matches?limit=10&mode=" + mode,
                            associationMember, null, 200));
                List<String> ranked = new ArrayList<>();
                answer.get("items")
                    .forEach(item -> ranked
                        .add(devsetIdOf.getOrDefault(UUID.fromString(item.get("supplierId").asString()), "?")));
                JsonNode challenge = Objects.requireNonNull(challengeById.get(entry.getKey()),
                        "each challenge came from the devset");
                tally.add(entry.getKey(), ranked, qrels.get("qrels").get(entry.getKey()), empties,
                        id -> supplierById.containsKey(id) && fails(challenge, known(supplierById, id)));
                if (mode.equals("hybrid")) {
                    calibration.add(answer.get("items"), ranked, qrels.get("qrels").get(entry.getKey()));
                }
                if (perQuery) {
                    Benchmarks.progress("  devset %s %s nDCG@10 %.3f top10 %s", mode, entry.getKey(),
                            tally.ndcg.getLast(), ranked);
                    if (!answer.get("items").isEmpty()) {
                        // what the association reads first: the best match's evidence per
                        // requirement
                        for (JsonNode evidence : answer.get("items").get(0).get("reasons").get("requirements")) {
                            Benchmarks.progress("    %s: %s %s (%.2f) \"%s\"", ranked.getFirst(),
                                    evidence.get("importance").asString(), evidence.get("verdict").asString(),
                                    evidence.get("support").asDouble(),
                                    evidence.get("requirement").asString() + "\" <- "
                                            + (evidence.path("passage").isString() ? evidence.get("passage").asString()
                                                    : "-"));
                        }
                    }
                }
            }
            ndcgByMode.put(mode, tally.meanNdcg());
            result.accept("devset suppliers, API " + mode + (mode.equals("bm25") ? " + filters" : ""), tally.line());
        }

        calibration.report(result);

        // the devset's own keyword baseline (bm25_baseline.py, ported), for reference
        Tally plain = new Tally();
        Tally filtered = new Tally();
        Bm25 bm25 = new Bm25(supplierById);
        for (JsonNode c : challenges) {
            String id = c.get("id").asString();
            List<String> ranked = bm25.rank(challengeText(c));
            JsonNode rows = qrels.get("qrels").get(id);
            plain.add(id, ranked.subList(0, 10), rows, empties, s -> fails(c, known(supplierById, s)));
            filtered.add(id, ranked.stream().filter(s -> !fails(c, known(supplierById, s))).limit(10).toList(), rows,
                    empties, s -> fails(c, known(supplierById, s)));
        }
        result.accept("devset suppliers, devset BM25 baseline", plain.line());
        result.accept("devset suppliers, devset BM25 + filters", filtered.line());
        double hybridNdcg = Objects.requireNonNull(ndcgByMode.get("hybrid"), "both modes are measured above");
        double bm25Ndcg = Objects.requireNonNull(ndcgByMode.get("bm25"), "both modes are measured above");
        result.accept("devset suppliers: hybrid ahead of BM25 + filters",
                String.format(Locale.ROOT, "%.3f vs %.3f (%s)", hybridNdcg, Math.max(bm25Ndcg, filtered.meanNdcg()),
                        hybridNdcg > Math.max(bm25Ndcg, filtered.meanNdcg()) ? "met" : "NOT MET"));
    }

    /**
     * What the shown labels say against the labels of the devset: scores and closeness of
     * meaning of the relevant (grade 2 or more) and the irrelevant (grade 0 or
     * unlabelled) results in the top 10, so "strong" and "no strong match" are set on
     * data the team did not write.
     */
    static final class Calibration {

        final List<Integer> relevantScores = new ArrayList<>();

        final List<Integer> irrelevantScores = new ArrayList<>();

        final Map<String, int[]> closenessByGrade = new TreeMap<>();

        final List<Double> relevantCloseness = new ArrayList<>();

        final List<Double> irrelevantCloseness = new ArrayList<>();

        final List<Integer> bestScores = new ArrayList<>();

        void add(JsonNode items, List<String> ranked, JsonNode rows) {
            Map<String, Integer> grades = new HashMap<>();
            rows.forEach(row -> grades.put(row.get("supplier_id").asString(), row.get("grade").asInt()));
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                int grade = grades.getOrDefault(ranked.get(i), 0);
                int score = item.get("score").asInt();
                (grade >= 2 ? relevantScores : grade == 0 ? irrelevantScores : new ArrayList<Integer>()).add(score);
                String closeness = item.get("reasons").get("closeness").asString();
                double semantic = item.get("reasons").get("semanticCloseness").asDouble();
                (grade >= 2 ? relevantCloseness : grade == 0 ? irrelevantCloseness : new ArrayList<Double>())
                    .add(semantic);
                int[] counts = closenessByGrade.computeIfAbsent(closeness, key -> new int[2]);
                if (grade >= 2) {
                    counts[0]++;
                }
                else if (grade == 0) {
                    counts[1]++;
                }
            }
            if (!items.isEmpty()) {
                bestScores.add(items.get(0).get("score").asInt());
            }
        }

        void report(BiConsumer<String, String> result) {
            result.accept("devset suppliers, calibration: scores in top 10", String.format(Locale.ROOT,
                    "relevant (grade >= 2) p10/p50/p90 %s over %d; irrelevant (grade 0) p10/p50/p90 %s over %d; best per query p10/p50 %s",
                    quantiles(relevantScores, 0.1, 0.5, 0.9), relevantScores.size(),
                    quantiles(irrelevantScores, 0.1, 0.5, 0.9), irrelevantScores.size(),
                    quantiles(bestScores, 0.1, 0.5)));
            StringBuilder closeness = new StringBuilder();
            closenessByGrade.forEach((label, counts) -> closeness
                .append(String.format(Locale.ROOT, "%s: %d relevant, %d irrelevant; ", label, counts[0], counts[1])));
            result.accept("devset suppliers, calibration: closeness labels in top 10", closeness.toString().strip());
            result.accept("devset suppliers, calibration: semantic closeness in top 10",
                    String.format(Locale.ROOT, "relevant p10/p50/p90 %s; irrelevant p10/p50/p90/p95 %s",
                            quantiles(relevantCloseness, 0.1, 0.5, 0.9),
                            quantiles(irrelevantCloseness, 0.1, 0.5, 0.9, 0.95)));
        }

        static String quantiles(List<? extends Number> values, double... qs) {
            if (values.isEmpty()) {
                return "-";
            }
            List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
            List<String> out = new ArrayList<>();
            for (double q : qs) {
                double value = sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
                out.add(value == Math.rint(value) ? Long.toString((long) value)
                        : String.format(Locale.ROOT, "%.2f", value));
            }
            return String.join("/", out);
        }

    }

    /** nDCG@10 and the devset README's failure counts over a list of queries. */
    static final class Tally {

        final List<Double> ndcg = new ArrayList<>();

        int labelledFailures;

        int strictFailures;

        int empties;

        int distractors;

        void add(String query, List<String> top10, JsonNode rows, Set<String> emptyProfiles,
                Predicate<String> failsConstraints) {
            Map<String, Integer> grades = new HashMap<>();
            Set<String> labelledFailure = new HashSet<>();
            Set<String> distractor = new HashSet<>();
            for (JsonNode row : rows) {
                String id = row.get("supplier_id").asString();
                if (row.get("grade").asInt() > 0) {
                    grades.put(id, row.get("grade").asInt());
                }
                switch (row.get("type").asString()) {
                    case "constraint_failure" -> labelledFailure.add(id);
                    case "distractor" -> distractor.add(id);
                    default -> {
                    }
                }
            }
            ndcg.add(Benchmarks.ndcgAt10(top10, grades));
            for (String id : top10.subList(0, Math.min(10, top10.size()))) {
                labelledFailures += labelledFailure.contains(id) ? 1 : 0;
                strictFailures += failsConstraints.test(id) ? 1 : 0;
                empties += emptyProfiles.contains(id) ? 1 : 0;
                distractors += distractor.contains(id) ? 1 : 0;
            }
        }

        double meanNdcg() {
            return ndcg.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        String line() {
            return String.format(Locale.ROOT,
                    "nDCG@10 %.3f over %d challenges (goal >= 0.75: %s); constraint failures in top 10: "
                            + "%d labelled, %d strict (goal 0: %s); near-empty/stuffed in top 10: %d (goal 0: %s); distractors in top 10: %d",
                    meanNdcg(), ndcg.size(), meanNdcg() >= 0.75 ? "met" : "NOT MET", labelledFailures, strictFailures,
                    strictFailures == 0 ? "met" : "NOT MET", empties, empties == 0 ? "met" : "NOT MET", distractors);
        }

    }

    /** A supplier of the devset by id: the ids ranked here are the devset's own. */
    private static JsonNode known(Map<String, JsonNode> supplierById, String id) {
        return Objects.requireNonNull(supplierById.get(id), () -> "no devset supplier " + id);
    }

    /**
     * The devset's hard-constraint rules, applied here to score answers (README, "Design
     * rules" 3).
     */
    static boolean fails(JsonNode challenge, JsonNode supplier) {
        List<String> served = strings(supplier.get("regions_served"));
        if (!served.contains(UK_WIDE) && !served.contains(challenge.get("region").asString())) {
            return true;
        }
        List<String> held = strings(supplier.get("accreditations"));
        for (String required : strings(challenge.get("required_accreditations"))) {
            boolean plusCovers = required.equals("Cyber Essentials") && held.contains("Cyber Essentials Plus");
            if (!held.contains(required) && !plusCovers) {
                return true;
            }
        }
        return false;
    }

    private UUID verifiedOrganisation(String name, String type, String member, String admin) throws Exception {
        JsonNode created = JSON.readTree(send("POST", "/api/v1/organisations", member,
                JSON.writeValueAsString(Map.of("name", name, "type", type)), 201));
        String id = created.get("id").asString();
        send("POST", "/api/v1/organisations/" + id + "/verification", admin, null, 200);
        return UUID.fromString(id);
    }

    private void waitUntilIndexed(String index, String field, List<String> ids) throws Exception {
        String query = JSON.writeValueAsString(Map.of("query", Map.of("terms", Map.of(field, ids))));
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            HttpResponse<String> response = HTTP
                .send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_count"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(query))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && JSON.readTree(response.body()).get("count").asLong() >= ids.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        index + ": devset documents not all indexed after 10 minutes: " + response.body());
            }
            Thread.sleep(250);
        }
    }

    private String send(String method, String path, @Nullable String bearer, @Nullable String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Accept", "application/json");
        request.method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private JsonNode read(String file) throws IOException {
        return JSON.readTree(Files.readString(folder.resolve(file)));
    }

    private static Map<String, String> codesByLabel(JsonNode taxonomy, String vocabulary) {
        Map<String, String> codes = new HashMap<>();
        for (JsonNode term : taxonomy.get("vocabularies").get(vocabulary)) {
            String code = term.get("code").asString();
            codes.put(term.get("label").asString().toLowerCase(Locale.ROOT), code);
            term.get("altLabels").forEach(alt -> codes.putIfAbsent(alt.asString().toLowerCase(Locale.ROOT), code));
        }
        return codes;
    }

    private static String code(Map<String, String> codes, String name, String vocabulary) {
        String code = codes.get(name.toLowerCase(Locale.ROOT));
        if (code == null) {
            throw new IllegalStateException("no " + vocabulary + " code for '" + name + "' in the API's taxonomy");
        }
        return code;
    }

    private static String caseStudies(JsonNode studies) {
        List<String> texts = new ArrayList<>();
        for (JsonNode study : studies) {
            texts.add(study.isObject() ? study.get("title").asString() + ". " + study.get("summary").asString()
                    : study.asString());
        }
        return String.join("\n\n", texts);
    }

    private static String firstSentence(String text) {
        Matcher end = Pattern.compile("[.!?](\\s|$)").matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }

    private static int nearest(float[] vector, List<float[]> candidates) {
        int best = 0;
        double bestCosine = -2;
        for (int i = 0; i < candidates.size(); i++) {
            double cosine = cosine(vector, candidates.get(i));
            if (cosine > bestCosine) {
                bestCosine = cosine;
                best = i;
            }
        }
        return best;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asString()));
        }
        return values;
    }

    static String challengeText(JsonNode c) {
        List<String> parts = new ArrayList<>(List.of(c.get("title").asString(), c.get("description").asString()));
        parts.addAll(strings(c.get("essential_requirements")));
        parts.addAll(strings(c.get("nice_to_have")));
        return String.join(" ", parts);
    }

    /**
     * {@code bm25_baseline.py} of the devset: k1 1.2, b 0.75, lower-cased alphanumeric
     * tokens, its stop words, ties by id.
     */
    static final class Bm25 {

        private static final Set<String> STOP_WORDS = Set
            .of(("a about above after again against all also am an and any are aren as at be because been before being below "
                    + "between both but by can cannot could couldn did didn do does doesn doing don down during each every few for from "
                    + "further had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it "
                    + "its itself just let ll me more most much must mustn my myself no nor not now of off on once only or other our ours "
                    + "ourselves out over own per re same shan she should shouldn so some such than that the their theirs them "
                    + "themselves then there these they this those through to too under until up upon us ve very via was wasn we were "
                    + "weren what when where which while who whom why will with within without won would wouldn you your yours "
                    + "yourself yourselves s t d m o y")
                .split(" "));

        private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+");

        private final List<String> ids;

        private final Map<String, Map<String, Integer>> tf = new HashMap<>();

        private final Map<String, Integer> length = new HashMap<>();

        private final Map<String, Double> idf = new HashMap<>();

        private final double averageLength;

        Bm25(Map<String, JsonNode> suppliers) {
            ids = suppliers.keySet().stream().sorted().toList();
            Map<String, Integer> df = new HashMap<>();
            for (String id : ids) {
                JsonNode s = Objects.requireNonNull(suppliers.get(id), "ids are the map's keys");
                List<String> parts = new ArrayList<>(List.of(s.get("name").asString(), s.get("summary").asString()));
                parts.addAll(strings(s.get("capabilities")));
                for (JsonNode study : s.get("case_studies")) {
                    if (study.isObject()) {
                        parts.add(study.get("title").asString());
                        parts.add(study.get("summary").asString());
                    }
                    else {
                        parts.add(study.asString());
                    }
                }
                Map<String, Integer> counts = new HashMap<>();
                List<String> tokens = tokens(String.join(" ", parts));
                tokens.forEach(t -> counts.merge(t, 1, Integer::sum));
                tf.put(id, counts);
                length.put(id, tokens.size());
                counts.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            }
            averageLength = length.values().stream().mapToInt(Integer::intValue).average().orElse(1);
            int n = ids.size();
            df.forEach((t, c) -> idf.put(t, Math.log(1 + (n - c + 0.5) / (c + 0.5))));
        }

        List<String> rank(String query) {
            List<String> q = tokens(query);
            Map<String, Double> scores = new HashMap<>();
            for (String id : ids) {
                double score = 0;
                for (String t : q) {
                    Integer f = tf.getOrDefault(id, Map.of()).get(t);
                    if (f != null) {
                        score += idf.getOrDefault(t, 0.0) * f * 2.2
                                / (f + 1.2 * (0.25 + 0.75 * length.getOrDefault(id, 0) / averageLength));
                    }
                }
                scores.put(id, score);
            }
            return ids.stream()
                .sorted(Comparator.comparingDouble((String id) -> -scores.getOrDefault(id, 0.0))
                    .thenComparing(id -> id))
                .toList();
        }

        private static List<String> tokens(String text) {
            Matcher matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", ""));
            List<String> tokens = new ArrayList<>();
            while (matcher.find()) {
                if (!STOP_WORDS.contains(matcher.group())) {
                    tokens.add(matcher.group());
                }
            }
            return tokens;
        }

    }

}
