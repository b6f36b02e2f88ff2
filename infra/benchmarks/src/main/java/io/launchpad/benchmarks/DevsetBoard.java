package io.launchpad.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.launchpad.infra.stack.ProjectPaths;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The board side of the matching development set ({@code ../shared/data/matching-devset},
 * or {@code -Ddevset=<folder>}) through the public API, as a new user would: every
 * candidate is created by its own candidate through {@code POST /api/v1/candidates}
 * (public, so matches name them), every role by the benchmark association through
 * {@code POST /api/v1/board-roles} and published, then each role's
 * {@code GET /matches?limit=50} is judged against {@code board_qrels.json} (unlisted =
 * grade 0), with the devset's hard-constraint rules applied to every item in the top 10.
 * The devset's own BM25 script is run for reference.
 */
final class DevsetBoard {

    /** What a figure is reported through ({@code Benchmarks.result}). */
    interface Results {

        void add(String what, String format, Object... args);

    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int LIMIT = 50;

    private DevsetBoard() {
    }

    static void run(String baseUrl, LocalTokens tokens, UUID association, UUID associationMember, Results results)
            throws Exception {
        Path folder = Path
            .of(System.getProperty("devset", ProjectPaths.root().resolve("../shared/data/matching-devset").toString()))
            .toAbsolutePath()
            .normalize();
        JsonNode roles = JSON.readTree(folder.resolve("board_roles.json").toFile());
        JsonNode candidates = JSON.readTree(folder.resolve("candidates.json").toFile());
        JsonNode qrels = JSON.readTree(folder.resolve("board_qrels.json").toFile());
        Benchmarks.progress("Devset (board): loading %d candidates and %d roles from %s through the API",
                candidates.size(), roles.size(), folder);

        Map<String, String> keyOfCandidate = new HashMap<>();
        Map<String, JsonNode> candidateByKey = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (JsonNode c : candidates) {
            String key = c.get("id").asString();
            candidateByKey.put(key, c);
            String bearer = tokens.bearer("devset-board-" + key + "-" + UUID.randomUUID(), "candidate");
            HttpResponse<String> created = send("POST", baseUrl + "/api/v1/candidates", bearer, candidateBody(c));
            if (created.statusCode() == 201) {
                keyOfCandidate.put(JSON.readTree(created.body()).get("id").asString(), key);
            }
            else if (created.statusCode() == 400) {
                refused.add(key + " (" + JSON.readTree(created.body()).path("errors").path(0).path("field").asString()
                        + ")");
            }
            else {
                throw new IllegalStateException(
                        "POST /api/v1/candidates answered " + created.statusCode() + ": " + created.body());
            }
        }
        String member = tokens.bearer(associationMember.toString(), "association");
        Map<String, String> roleIds = new LinkedHashMap<>();
        Map<String, JsonNode> roleByKey = new HashMap<>();
        for (JsonNode r : roles) {
            HttpResponse<String> created = send("POST", baseUrl + "/api/v1/board-roles", member,
                    roleBody(r, association));
            expect(created, 201);
            String id = JSON.readTree(created.body()).get("id").asString();
            expect(send("POST", baseUrl + "/api/v1/board-roles/" + id + "/publish", member, null), 200);
            roleIds.put(r.get("id").asString(), id);
            roleByKey.put(r.get("id").asString(), r);
        }

        // the outbox carries the writes to the indexes a moment later: wait until two
        // reads a second apart agree
        Map<String, List<String>> ranked = rankings(baseUrl, member, roleIds, keyOfCandidate);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            Map<String, List<String>> again = rankings(baseUrl, member, roleIds, keyOfCandidate);
            if (again.equals(ranked) && again.values().stream().mapToInt(List::size).sum() > 0) {
                break;
            }
            ranked = again;
        }

        List<String> sparseIds = new ArrayList<>();
        qrels.get("sparse_profile_candidate_ids").forEach(id -> sparseIds.add(id.asString()));
        double ndcgSum = 0;
        int strictFailures = 0;
        int labelledFailures = 0;
        int sparse = 0;
        List<String> idealMissing = new ArrayList<>();
        List<Integer> relevantScores = new ArrayList<>();
        List<Integer> irrelevantScores = new ArrayList<>();
        List<Integer> bestScores = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : ranked.entrySet()) {
            String role = entry.getKey();
            List<String> list = entry.getValue();
            List<String> top = list.subList(0, Math.min(10, list.size()));
            Map<String, Integer> grades = new HashMap<>();
            List<String> labelled = new ArrayList<>();
            String ideal = null;
            for (JsonNode row : qrels.get("qrels").get(role)) {
                String id = row.get("candidate_id").asString();
                int grade = row.get("grade").asInt();
                if (grade > 0) {
                    grades.put(id, grade);
                }
                if (grade == 3) {
                    ideal = id;
                }
                if ("constraint_failure".equals(row.path("type").asString())) {
                    labelled.add(id);
                }
            }
            double ndcg = Benchmarks.ndcgAt10(top, grades);
            ndcgSum += ndcg;
            List<Integer> scores = SCORES.getOrDefault(role, List.of());
            for (int i = 0; i < Math.min(top.size(), scores.size()); i++) {
                int grade = grades.getOrDefault(top.get(i), 0);
                (grade >= 2 ? relevantScores : grade == 0 ? irrelevantScores : new ArrayList<Integer>())
                    .add(scores.get(i));
            }
            if (!scores.isEmpty()) {
                bestScores.add(scores.getFirst());
            }
            JsonNode roleRow = Objects.requireNonNull(roleByKey.get(role),
                    "every ranked role was created from the devset");
            strictFailures += (int) top.stream().filter(id -> !meetsRules(roleRow, candidateByKey.get(id))).count();
            labelledFailures += (int) top.stream().filter(labelled::contains).count();
            sparse += (int) top.stream().filter(sparseIds::contains).count();
            if (!list.contains(ideal)) {
                idealMissing.add(role);
            }
            Benchmarks.progress("  %s nDCG@10 %.3f, ideal %s at %s, top 10 %s", role, ndcg, ideal,
                    list.contains(ideal) ? Integer.toString(list.indexOf(ideal) + 1) : "-", top);
        }
        double ndcg = ndcgSum / ranked.size();
        results.add("devset board: nDCG@10 (API, " + ranked.size() + " roles)", "%.3f (goal >= 0.75: %s)", ndcg,
                ndcg >= 0.75 ? "met" : "NOT MET");
        results.add("devset board: constraint failures in top 10", "%d strict (labelled traps: %d) (goal 0)",
                strictFailures, labelledFailures);
        results.add("devset board: sparse profiles in top 10", "%d (goal 0)", sparse);
        results.add("devset board: grade-3 candidate not returned", "%d of %d %s", idealMissing.size(), ranked.size(),
                idealMissing.isEmpty() ? "" : idealMissing.toString());
        results.add("devset board: profiles the API refused", "%d %s", refused.size(), refused);
        results.add("devset board, calibration: scores in top 10",
                "relevant (grade >= 2) p10/p50/p90 %s over %d; "
                        + "irrelevant (grade 0) p10/p50/p90 %s over %d; best per role p10/p50 %s",
                DevsetSuppliers.Calibration.quantiles(relevantScores, 0.1, 0.5, 0.9), relevantScores.size(),
                DevsetSuppliers.Calibration.quantiles(irrelevantScores, 0.1, 0.5, 0.9), irrelevantScores.size(),
                DevsetSuppliers.Calibration.quantiles(bestScores, 0.1, 0.5));
        results.add("devset board: BM25 (devset script)", "%s", bm25(folder));
    }

    /**
     * Role key → the scores of {@link #rankings}' lists, in the same order (for the
     * calibration line).
     */
    private static final Map<String, List<Integer>> SCORES = new ConcurrentHashMap<>();

    /** Role key → devset candidate keys, best first, as the matches endpoint answers. */
    private static Map<String, List<String>> rankings(String baseUrl, String bearer, Map<String, String> roleIds,
            Map<String, String> keyOfCandidate) throws Exception {
        Map<String, List<String>> ranked = new LinkedHashMap<>();
        for (Map.Entry<String, String> role : roleIds.entrySet()) {
            HttpResponse<String> response = send("GET",
                    baseUrl + "/api/v1/board-roles/" + role.getValue() + "/matches?limit=" + LIMIT, bearer, null);
            expect(response, 200);
            List<String> keys = new ArrayList<>();
            List<Integer> roleScores = new ArrayList<>();
            for (JsonNode item : JSON.readTree(response.body()).get("items")) {
                keys.add(keyOfCandidate.getOrDefault(item.path("candidate").path("candidateId").asString(), "?"));
                roleScores.add(item.get("score").asInt());
            }
            ranked.put(role.getKey(), keys);
            SCORES.put(role.getKey(), roleScores);
        }
        return ranked;
    }

    /**
     * The devset's rules: in person needs the role's region, remote needs remote_ok,
     * governance needs "yes".
     */
    private static boolean meetsRules(JsonNode role, @Nullable JsonNode candidate) {
        if (candidate == null) {
            return false;
        }
        boolean place = switch (role.get("attendance").asString()) {
            case "in person" -> role.get("region").asString().equals(candidate.get("region").asString());
            case "remote" -> candidate.get("remote_ok").asBoolean();
            default -> true;
        };
        return place && (!role.get("governance_experience_required").asBoolean()
                || "yes".equals(candidate.get("governance_experience").asString()));
    }

    /**
     * A candidate as its owner would write it. The devset states governance experience as
     * yes/no only, so "yes" becomes a governance narrative of that one word (the API's
     * rule: described in words, or years).
     */
    private static String candidateBody(JsonNode c) {
        Map<String, Object> body = new LinkedHashMap<>();
        String key = c.get("id").asString();
        body.put("name", "Devset candidate " + key);
        body.put("email", key + "@devset.example.org");
        body.put("headline", c.get("headline").asString());
        body.put("skills", List.of());
        List<Map<String, Object>> skills = new ArrayList<>();
        c.get("skills")
            .properties()
            .forEach(skill -> skills.add(Map.of("skill", skill.getKey(), "level", skill.getValue().asInt())));
        body.put("skillsInWords", skills);
        List<String> sectors = new ArrayList<>();
        c.get("sectors").forEach(sector -> sectors.add(sector.asString()));
        body.put("sectors", sectors);
        body.put("experienceSummary", c.get("experience_summary").asString());
        body.put("experience", List.of());
        if ("yes".equals(c.get("governance_experience").asString())) {
            body.put("governanceExperience", "yes");
        }
        body.put("availability", "immediately");
        body.put("hoursPerMonth", 8);
        body.put("region", code(c.get("region").asString()));
        body.put("remote", c.get("remote_ok").asBoolean());
        body.put("visibility", "public");
        return JSON.writeValueAsString(body);
    }

    private static String roleBody(JsonNode r, UUID association) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationId", association.toString());
        body.put("title", r.get("title").asString());
        body.put("description", r.get("description").asString());
        body.put("skillsMatrix", List.of());
        body.put("skillGaps", List.of());
        List<String> gaps = new ArrayList<>();
        r.get("skills_gaps").forEach(gap -> gaps.add(gap.asString()));
        body.put("skillGapsInWords", gaps);
        body.put("timeCommitment", r.get("commitment").asString());
        body.put("hoursPerMonth", 8);
        body.put("remuneration", "voluntary");
        body.put("region", code(r.get("region").asString()));
        body.put("attendance", r.get("attendance").asString().replace(' ', '-'));
        body.put("governanceExperienceRequired", r.get("governance_experience_required").asBoolean());
        body.put("closingDate", LocalDate.now().plusDays(60).toString());
        return JSON.writeValueAsString(body);
    }

    /** "Yorkshire and The Humber" → yorkshire-and-the-humber, the API's region code. */
    private static String code(String region) {
        return region.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /**
     * The devset's BM25 baseline line for roles → candidates (python3, standard library
     * only).
     */
    private static String bm25(Path folder) {
        try {
            Process process = new ProcessBuilder("python3", "bm25_baseline.py").directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.lines()
                .filter(line -> line.startsWith("| Roles"))
                .findFirst()
                .map(line -> "nDCG@10 | filtered | labelled violations | strict | sparse; filtered | distractors | "
                        + "distractor above ideal: " + line)
                .orElse("not available (" + out.strip() + ")");
        }
        catch (IOException e) {
            return "not available (" + e.getMessage() + ")";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static HttpResponse<String> send(String method, String url, @Nullable String bearer, @Nullable String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", bearer);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

}
