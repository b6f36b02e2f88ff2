package io.launchpad.api.fuzz;

import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.fuzz.Mutations.Expect;
import io.launchpad.api.fuzz.Mutations.Mutation;
import io.launchpad.api.support.ApiTestBase;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10: every write operation of the committed contract, broken on purpose in every
 * way its request schema allows (and in its path ids, Accept, If-Match and
 * Idempotency-Key), must be refused cleanly: no 5xx; every 4xx an RFC 9457 problem; a 400
 * naming the broken field (or {@code body}); and no row of any table changed by a refused
 * request. Runs with a fixed seed and a bounded count: {@code -Dfuzz.seed=…} and
 * {@code -Dfuzz.requests=…} change them.
 *
 * <p>
 * Requests go out through a plain {@link HttpClient}, not the suite's WebTestClient: that
 * client's contract validator ({@code ContractValidation}) would throw on a deliberately
 * invalid request that is wrongly accepted, hiding the very answer this suite judges, and
 * a general JSON library cannot send lone surrogates, unrepresentable numbers or invalid
 * UTF-8.
 */
class ApiFuzzTest extends ApiTestBase {

    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);

    private static final int FAILURES_SHOWN = 30;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Challenges challenges;

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    @Test
    void everyWriteOperationOfTheContractHasABaseRequest() {
        FuzzWorld world = new FuzzWorld(api, db, challenges);
        Set<String> documented = new TreeSet<>(
                FuzzContract.load().writeOperations().stream().map(FuzzContract.Operation::key).toList());
        assertThat(documented).as("write operations in docs/openapi.json").isNotEmpty();
        assertThat(new TreeSet<>(world.fixtures.keySet()))
            .as("base requests of the fuzz suite (FuzzWorld) against the write operations of docs/openapi.json: "
                    + "a new endpoint needs a known-good base request there, a removed one loses it")
            .isEqualTo(documented);
    }

    @Test
    void everyWriteRefusesBadInputCleanlyAndWritesNothing() throws Exception {
        long started = System.nanoTime();
        FuzzContract contract = FuzzContract.load();
        FuzzWorld world = new FuzzWorld(api, db, challenges);
        TableSnapshot snapshot = TableSnapshot.of(db);
        assertThat(snapshot.tables).contains("challenge", "matching_outbox", "notification", "notification_event",
                "idempotency_keys", "board_application", "pilot");
        Random random = new Random(SEED);
        FuzzReport report = new FuzzReport();

        List<FuzzContract.Operation> operations = contract.writeOperations()
            .stream()
            .filter(op -> world.fixtures.containsKey(op.key()))
            .toList();

        // every base first (the world), then the plan: one variant of every (class,
        // target) of every
        // operation, and random picks among all variants up to the request budget
        Map<String, Long> timing = new LinkedHashMap<>();
        long building = System.nanoTime();
        Map<String, Wire> bases = new LinkedHashMap<>();
        Map<String, List<Mutation>> all = new LinkedHashMap<>();
        Map<String, List<Mutation>> plan = new LinkedHashMap<>();
        int planned = 0;
        for (FuzzContract.Operation operation : operations) {
            Wire base = world.fixtures.get(operation.key()).build().get();
            bases.put(operation.key(), base);
            List<Mutation> mutations = new ArrayList<>(Mutations.of(contract, operation, base));
            if (operation.hasHeader("Idempotency-Key")) {
                mutations.add(new Mutation("idempotency-key-reused", "Idempotency-Key", "(the previous request's key)",
                        Expect.REFUSED, Set.of("Idempotency-Key"), wire -> wire.headers.put("Idempotency-Key", REUSE)));
            }
            all.put(operation.key(), mutations);
            Map<String, List<Mutation>> groups = new LinkedHashMap<>();
            mutations.forEach(m -> groups.computeIfAbsent(m.klass() + " " + m.target(), k -> new ArrayList<>()).add(m));
            List<Mutation> sweep = new ArrayList<>();
            groups.values().forEach(group -> {
                if (EXHAUSTIVE.contains(group.getFirst().klass())) {
                    sweep.addAll(group);
                }
                else {
                    sweep.add(group.get(random.nextInt(group.size())));
                }
            });
            plan.put(operation.key(), sweep);
            planned += sweep.size() + 1;
        }
        timing.put("world", System.nanoTime() - building);
        List<String> keys = new ArrayList<>(all.keySet());
        for (int extra = planned; extra < REQUESTS; extra++) {
            String key = keys.get(random.nextInt(keys.size()));
            List<Mutation> mutations = all.get(key);
            plan.get(key).add(mutations.get(random.nextInt(mutations.size())));
        }

        for (FuzzContract.Operation operation : operations) {
            String key = operation.key();
            FuzzWorld.Fixture fixture = world.fixtures.get(key);
            Wire base = bases.get(key);
            long settling = System.nanoTime();
            settle(world);
            timing.merge("settle", System.nanoTime() - settling, Long::sum);
            Map<String, String> before = snapshot.take();
            String previousKey = null;
            String previousRequest = null;
            for (Mutation mutation : plan.get(key)) {
                Wire wire = base.copy();
                mutation.change().accept(wire);
                String idempotencyKey = null;
                if (REUSE.equals(wire.headers.get("Idempotency-Key"))) {
                    // only a key remembered for a different request (the same request
                    // would rightly be replayed;
                    // refusals and 5xx answers are not remembered, so their keys are free
                    // again)
                    if (previousKey == null || previousRequest.equals(signature(wire))) {
                        continue;
                    }
                    wire.headers.put("Idempotency-Key", previousKey);
                }
                else if (operation.hasHeader("Idempotency-Key") && !wire.headers.containsKey("Idempotency-Key")) {
                    idempotencyKey = TableSnapshot.KEY_PREFIX + UUID.randomUUID();
                    wire.headers.put("Idempotency-Key", idempotencyKey);
                }
                long sending = System.nanoTime();
                Answer answer = send(wire);
                timing.merge("send", System.nanoTime() - sending, Long::sum);
                if (answer == null) {
                    continue; // the HTTP client itself refused to send the value (e.g. a
                              // header byte it forbids)
                }
                // only successes are remembered (a refusal changed nothing and is judged
                // afresh on retry)
                if (idempotencyKey != null && answer.status() / 100 == 2) {
                    previousKey = idempotencyKey;
                    previousRequest = signature(wire);
                }
                report.sent(key, answer.status());
                long snapping = System.nanoTime();
                Map<String, String> after = snapshot.take();
                timing.merge("snapshot", System.nanoTime() - snapping, Long::sum);
                List<String> changed = TableSnapshot.changed(before, after);
                judge(report, key, mutation, answer, changed);
                if (answer.status() / 100 == 2 || !changed.isEmpty()) {
                    // the base may be used up (a transition made, a one-per-person
                    // resource created)
                    long rebuilding = System.nanoTime();
                    if (!fixture.repeatable()) {
                        base = fixture.build().get();
                    }
                    settle(world);
                    after = snapshot.take();
                    timing.merge("rebuild+settle", System.nanoTime() - rebuilding, Long::sum);
                }
                before = after;
            }
            // the base itself must be accepted, or every refusal above proves nothing
            Wire good = base.copy();
            if (operation.hasHeader("Idempotency-Key")) {
                good.headers.put("Idempotency-Key", TableSnapshot.KEY_PREFIX + UUID.randomUUID());
            }
            Answer answer = send(good);
            report.sent(key, answer == null ? 0 : answer.status());
            if (answer == null || answer.status() / 100 != 2) {
                report.fail(key, "base-request", "known-good request not accepted", good.toString(),
                        answer == null ? 0 : answer.status(), answer == null ? "" : answer.text());
            }
        }

        StringBuilder times = new StringBuilder("time spent:");
        timing.forEach((phase, nanos) -> times.append(String.format(" %s %.1f s;", phase, nanos / 1e9)));
        String summary = report.summary(SEED, (System.nanoTime() - started) / 1_000_000) + times + "\n";
        System.out.println(summary);
        Path file = Path.of("target", "fuzz-report.txt");
        Files.createDirectories(file.getParent());
        // fuzz cases echoed in failures may hold lone surrogates: getBytes replaces them
        // instead of throwing
        Files.write(file, summary.getBytes(StandardCharsets.UTF_8));

        var failures = report.failures();
        StringBuilder message = new StringBuilder(String.format(
                "%d distinct failures (operation | mutation class | symptom) in %d requests, seed %d; full list in %s%n",
                failures.size(), report.requests, SEED, file.toAbsolutePath()));
        failures.stream().limit(FAILURES_SHOWN).forEach(group -> message.append(FuzzReport.describe(group)));
        if (failures.size() > FAILURES_SHOWN) {
            message.append("… and ").append(failures.size() - FAILURES_SHOWN).append(" more\n");
        }
        assertThat(failures).as(message.toString()).isEmpty();
    }

    /**
     * Classes whose every variant is sent on every run, because issue 10 names each value
     * as one that must be refused; the other classes send one variant per target, and
     * random picks fill the budget.
     */
    private static final Set<String> EXHAUSTIVE = Set.of("accept-unsupported", "date-far", "number-for-date",
            "date-time-for-date", "integer-overflow", "number-beyond-double", "too-long-astral");

    /** Stands for "the Idempotency-Key of the previous request to this operation". */
    private static final String REUSE = "(reuse)";

    record Answer(int status, String contentType, byte[] body) {
        String text() {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 400 ? text.substring(0, 400) + "…" : text;
        }
    }

    private static String signature(Wire wire) {
        byte[] body = wire.bodyBytes();
        return wire.method + " " + wire.uri() + "\n"
                + (body == null ? "" : new String(body, StandardCharsets.ISO_8859_1));
    }

    private void judge(FuzzReport report, String operation, Mutation mutation, Answer answer, List<String> changed) {
        int status = answer.status();
        String what = mutation.describe();
        String klass = mutation.klass();
        Map<?, ?> problem = null;
        if (status >= 400) {
            try {
                problem = JSON.readValue(answer.body(), Map.class);
            }
            catch (RuntimeException e) {
                problem = null;
            }
        }
        String detail = problem == null ? answer.text() : String.valueOf(problem.get("detail"));
        if (status >= 500) {
            report.fail(operation, klass, status + " server error", what, status, detail);
        }
        else if (status >= 400) {
            String type = answer.contentType() == null ? "" : answer.contentType().toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/problem+json")) {
                report.fail(operation, klass, status + " not application/problem+json (" + answer.contentType() + ")",
                        what, status, answer.text());
            }
            else if (problem == null || !(problem.get("type") instanceof String)
                    || !(problem.get("title") instanceof String) || !(problem.get("detail") instanceof String)
                    || !(problem.get("status") instanceof Number n) || n.intValue() != status) {
                report.fail(operation, klass, status + " problem lacks type/title/status/detail", what, status,
                        answer.text());
            }
        }
        switch (mutation.expect()) {
            case NOT_ACCEPTABLE -> {
                if (status != 406 && status < 500) {
                    report.fail(operation, klass, "answered " + bucket(status) + " instead of 406", what, status,
                            detail);
                }
            }
            case FIELD_400 -> {
                if (status / 100 == 2) {
                    report.fail(operation, klass, "accepted (" + status + ") instead of 400", what, status,
                            changed.isEmpty() ? "" : "changed " + changed);
                }
                else if (status != 400 && status < 500) {
                    report.fail(operation, klass, status + " instead of 400", what, status, detail);
                }
                else if (status == 400 && !names(problem, mutation.fields())) {
                    report.fail(operation, klass, "400 does not name " + mutation.target(), what, status,
                            "errors " + fieldsOf(problem) + "; " + detail);
                }
            }
            case REFUSED -> {
                if (status / 100 == 2) {
                    report.fail(operation, klass, "accepted (" + status + ")", what, status,
                            changed.isEmpty() ? "" : "changed " + changed);
                }
                else if (status == 400 && !names(problem, mutation.fields())) {
                    report.fail(operation, klass, "400 does not name " + mutation.target(), what, status,
                            "errors " + fieldsOf(problem) + "; " + detail);
                }
            }
        }
        if (status >= 400 && !changed.isEmpty()) {
            report.fail(operation, klass, "refused (" + bucket(status) + ") but changed " + tableNames(changed), what,
                    status, "tables " + changed);
        }
    }

    private static String bucket(int status) {
        return Integer.toString(status);
    }

    private static String tableNames(List<String> changed) {
        return changed.stream().map(c -> c.substring(0, c.indexOf(' '))).toList().toString();
    }

    private static List<String> fieldsOf(Map<?, ?> problem) {
        List<String> fields = new ArrayList<>();
        if (problem != null && problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> e) {
                    fields.add(String.valueOf(e.get("field")));
                }
            }
        }
        return fields;
    }

    /**
     * True when errors[] names one of the fields, or something inside one (a.b, a[0]).
     */
    private static boolean names(Map<?, ?> problem, Set<String> wanted) {
        for (String reported : fieldsOf(problem)) {
            // a map entry may be named scores.technical (Jackson) or scores[technical]
            // (Bean Validation): both name it
            String field = reported.replaceAll("\\[([^\\]0-9][^\\]]*)]", ".$1");
            for (String name : wanted) {
                if (field.equalsIgnoreCase(name) || field.startsWith(name + ".") || field.startsWith(name + "[")) {
                    return true;
                }
            }
        }
        return false;
    }

    private Answer send(Wire wire) throws InterruptedException {
        HttpRequest.Builder request;
        try {
            byte[] body = wire.bodyBytes();
            request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + wire.uri()))
                .timeout(Duration.ofMinutes(3))
                .method(wire.method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
            if (wire.caller != null) {
                request.header("Authorization", wire.caller.bearer());
            }
            if (body != null && !wire.headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            wire.headers.forEach((name, value) -> {
                if (value != null) {
                    request.header(name, value);
                }
            });
        }
        catch (IllegalArgumentException refusedByClient) {
            return null;
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        }
        catch (IOException e) {
            return new Answer(599, null, ("no answer: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Lets background work started by earlier writes finish where it adds or removes
     * rows: the notification fan-out (run here, not waited for) and the indexer
     * forgetting applied candidate removals. The indexer's other updates touch only
     * columns the snapshot leaves out.
     */
    private void settle(FuzzWorld world) {
        // one scheduled fan-out period and a little more: when the fan-out is held up
        // (seen in the whole
        // suite) waiting longer only slows the run, and pending events are compared by
        // content anyway
        // the application's own scheduled fan-out drains events; running it from here has
        // hung in the full suite
        try {
            await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> count("(select 1 from notification_event where fanned_out_at is null) e") == 0
                        && count("(select 1 from matching_outbox where aggregate_type = 'candidate-removal' "
                                + "and processed_at is null and attempts = 0) r") == 0);
        }
        catch (ConditionTimeoutException heldUp) {
            // not a failure: see above, the snapshot comparison copes with what is still
            // pending
        }
    }

}
