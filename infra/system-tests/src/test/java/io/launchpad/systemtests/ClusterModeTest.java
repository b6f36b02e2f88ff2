package io.launchpad.systemtests;

import io.launchpad.infra.stack.ElasticsearchServer;
import io.launchpad.infra.stack.LaunchpadStack;
import io.launchpad.infra.stack.Postgres;
import io.launchpad.infra.stack.SpringBootProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.nio.file.Path;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cluster mode (issue 13): three Elasticsearch nodes with a replica of every shard and
 * two API instances behind HAProxy, on this machine, with faults injected while a client
 * writes and asks for matches through the load balancer. Each fault test prints what it
 * sent, what failed and what was lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterModeTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static LaunchpadStack cluster;

    private static ApiClient association;

    private static String organisationId;

    private static String matchedChallenge;

    private static String supplierOrganisationId;

    private static Path postgresDataDir;

    private static Postgres restarted;

    @BeforeAll
    static void startTheCluster() throws IOException {
        // one client sends far more than a person would: the per-person limits are not
        // what is measured here
        Path state = Files.createTempDirectory("launchpad-cluster");
        postgresDataDir = state.resolve("cluster").resolve("postgres");
        cluster = LaunchpadStack.start(LaunchpadStack.Options.test(state)
            .cluster(true)
            .apiSettings(Map.of("LAUNCHPAD_RATELIMITS_ENABLED", "false",
                    // both instances drain the notification tables often, so a double
                    // send would show within seconds
                    "LAUNCHPAD_NOTIFICATIONS_MAILINTERVAL", "PT1S", "LAUNCHPAD_NOTIFICATIONS_FANOUTINTERVAL", "PT1S")));
        System.out.printf("cluster started in %d ms; RSS MiB %s%n", cluster.startMillis(), cluster.residentMemoryMiB());
        association = ApiClient.signedIn(cluster, "amara.okafor");
        ApiClient supplier = ApiClient.signedIn(cluster, "sofia.marin");
        organisationId = Journeys.registerOrganisation(cluster, association, "Cluster Homes " + UUID.randomUUID(),
                "association");
        String supplierOrg = Journeys.registerOrganisation(cluster, supplier, "Cluster Sensors " + UUID.randomUUID(),
                "supplier");
        supplierOrganisationId = supplierOrg;
        String supplierId = Journeys.publishedSupplier(supplier, supplierOrg, "Cluster Sensors",
                "Wireless humidity sensors that warn of condensation and mould before tenants see it");
        matchedChallenge = Journeys.publishedChallenge(association, organisationId, "Spot damp early in the cluster",
                "Warn us of damp and mould before residents have to report it", "Sensors in 200 homes");
        Journeys.awaitMatches(association, matchedChallenge, items -> Journeys.containsSupplier(items, supplierId));
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    @Order(1)
    void threeNodesHoldEveryShardTwiceAndBothApiInstancesServeBehindTheBalancer() {
        ElasticsearchServer node = cluster.elasticsearchCluster().nodes().getFirst();
        JsonNode health = json(node.httpUrl() + "/_cluster/health?wait_for_status=green&timeout=60s");
        assertThat(health.get("number_of_nodes").asInt()).isEqualTo(3);
        assertThat(health.get("status").asText()).isEqualTo("green");
        JsonNode indices = json(node.httpUrl() + "/_cat/indices/launchpad*?format=json&h=index,rep,health");
        assertThat(indices.size()).isGreaterThanOrEqualTo(4);
        for (JsonNode index : indices) {
            assertThat(index.get("rep").asText()).as(index.get("index").asText()).isEqualTo("1");
        }
        assertThat(cluster.apis()).hasSize(2);
        for (SpringBootProcess instance : cluster.apis()) {
            assertThat(status(instance.baseUrl() + "/actuator/health/readiness")).isEqualTo(200);
        }
        assertThat(cluster.apiUrl()).isNotIn(cluster.apis().stream().map(SpringBootProcess::baseUrl).toList());
        assertThat(association.get("/api/v1/challenges/" + matchedChallenge).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void anElasticsearchNodeKilledDuringWritesAndMatchesFailsNoRequestAndLosesNoWrite() {
        Load load = new Load("es-node-killed");
        load.runFor(Duration.ofSeconds(5));
        cluster.elasticsearchCluster().nodes().get(1).kill();
        load.runFor(Duration.ofSeconds(20));
        load.print();

        assertThat(load.failedMatches).as("match requests failed at the load balancer").isEqualTo(0);
        assertThat(load.failedWrites).as("writes failed at the load balancer").isEqualTo(0);
        load.assertEveryAcknowledgedWriteStoredOnce();
        awaitConsistentIndexes();
    }

    @Test
    @Order(4)
    void anApiInstanceKilledDuringLoadIsRoutedAroundAndEveryAcknowledgedWriteIsStoredOnce() {
        Load load = new Load("api-instance-killed");
        load.runFor(Duration.ofSeconds(5));
        SpringBootProcess victim = cluster.apis().get(1);
        ProcessHandle.of(victim.pid()).ifPresent(ProcessHandle::destroyForcibly);
        load.runFor(Duration.ofSeconds(15));
        load.print();

        assertThat(load.failedMatches + load.failedWrites).as("requests failed at the load balancer").isEqualTo(0);
        load.assertEveryAcknowledgedWriteStoredOnce();
        assertThat(status(victim.baseUrl() + "/actuator/health/readiness")).isEqualTo(-1);
    }

    /**
     * Before
     * {@link #anApiInstanceKilledDuringLoadIsRoutedAroundAndEveryAcknowledgedWriteIsStoredOnce}:
     * both must run.
     */
    @Test
    @Order(3)
    void twoInstancesDrainingOneNotificationTableTellEachPersonOnceAndEmailOnce() {
        ApiClient supplier = ApiClient.signedIn(cluster, "sofia.marin");
        int questions = 5;
        for (int i = 0; i < questions; i++) {
            ApiClient.Response asked = supplier.post("/api/v1/challenges/" + matchedChallenge + "/questions",
                    Map.of("organisationId", supplierOrganisationId, "question", "Cluster question " + i + "?"));
            assertThat(asked.status()).as(String.valueOf(asked.body())).isEqualTo(201);
        }
        String emailSubject = "asked a question about Spot damp early in the cluster";
        assertThat(cluster.apis()).allSatisfy(
                instance -> assertThat(status(instance.baseUrl() + "/actuator/health/readiness")).isEqualTo(200));
        await().alias(questions + " emails '" + emailSubject + "'")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> emails(emailSubject) >= questions);
        // a duplicate would come from a run of either instance's fan-out or mailer that
        // was under way meanwhile: each instance must finish two more runs of both, the
        // second begun after every email was in
        Map<String, Long> runs = jobRuns();
        await().alias("two more runs of each instance's fan-out and mailer after " + runs)
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> {
                Map<String, Long> now = jobRuns();
                return runs.entrySet().stream().allMatch(job -> now.get(job.getKey()) >= job.getValue() + 2);
            });
        long feed = 0;
        for (JsonNode item : association.get("/api/v1/notifications").body().get("items")) {
            if ("question-asked".equals(item.get("kind").asText())
                    && item.get("link").asText().contains(matchedChallenge)) {
                feed++;
            }
        }
        System.out.printf("[two-instances] questions asked %d; notifications in the feed %d; emails %d%n", questions,
                feed, emails(emailSubject));
        assertThat(feed).isEqualTo(questions);
        assertThat(emails(emailSubject)).isEqualTo(questions);
    }

    /**
     * Finished runs of the notification fan-out and the mailer, per API instance, from
     * Spring's observation of each {@code @Scheduled} method.
     */
    private static Map<String, Long> jobRuns() {
        Map<String, Long> runs = new TreeMap<>();
        for (SpringBootProcess instance : cluster.apis()) {
            String metrics = text(instance.baseUrl() + "/actuator/prometheus", Duration.ofSeconds(10));
            for (String job : List.of("NotificationFanOut", "NotificationMailer")) {
                long count = metrics.lines()
                    .filter(line -> line.startsWith("tasks_scheduled_execution_seconds_count{")
                            && line.contains("code_namespace=\"io.launchpad.api.notification." + job + "\""))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
                runs.put(instance.baseUrl() + " " + job, count);
            }
        }
        return runs;
    }

    private static long emails(String subjectPart) {
        return cluster.mail().received().stream().filter(line -> line.contains(subjectPart)).count();
    }

    @Test
    @Order(5)
    void postgresqlRestartedDuringLoadAnswers503ProblemsMeanwhileAndRecoversWithinFiveSecondsLosingNoWrite() {
        Load load = new Load("postgresql-restarted");
        load.runFor(Duration.ofSeconds(3));
        List<String> acknowledgedBefore = List.copyOf(load.acknowledgedTitles);

        // the outage: stop PostgreSQL, ask through the balancer, then bring it back on
        // the same data and port
        Postgres postgres = cluster.postgres();
        postgres.stop();
        List<Integer> duringOutage = new ArrayList<>();
        List<String> outageTypes = new ArrayList<>();
        long outageEnd = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < outageEnd) {
            ApiClient.Response response = association.get("/api/v1/challenges/" + matchedChallenge);
            duringOutage.add(response.status());
            outageTypes.add(response.header("Content-Type"));
        }
        restarted = Postgres.start(postgresDataDir, postgres.port(), false);
        long back = System.nanoTime();
        long recoveredAfter = -1;
        while (System.nanoTime() - back < Duration.ofSeconds(60).toNanos()) {
            if (association.get("/api/v1/challenges/" + matchedChallenge).status() == 200) {
                recoveredAfter = (System.nanoTime() - back) / 1_000_000;
                break;
            }
            sleep(100);
        }
        load.runFor(Duration.ofSeconds(3));
        System.out.printf("[postgresql-restarted] during the outage %d requests, statuses %s; recovered %d ms after "
                + "PostgreSQL was back%n", duringOutage.size(), new TreeSet<>(duringOutage), recoveredAfter);
        load.print();

        assertThat(duringOutage).isNotEmpty().allSatisfy(status -> assertThat(status).isEqualTo(503));
        assertThat(outageTypes).allSatisfy(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(recoveredAfter).as("ms until the first answer after PostgreSQL was back").isBetween(0L, 5_000L);
        assertThat(load.acknowledgedTitles).containsAll(acknowledgedBefore);
        load.assertEveryAcknowledgedWriteStoredOnce();
    }

    @Test
    @Order(6)
    void withKeycloakStoppedATokenIssuedBeforeStillWorksAndSigningInSaysItIsUnavailable() {
        String token = cluster.keycloak().passwordGrantToken("amara.okafor", "launchpad");
        cluster.keycloak().stop();
        ApiClient signedInBefore = new ApiClient(cluster.apiUrl(), token);
        for (int i = 0; i < 4; i++) {
            // round robin: both instances answer from the keys they cached
            assertThat(signedInBefore.get("/api/v1/me").status()).isEqualTo(200);
        }
        assertThat(new ApiClient(cluster.apiUrl(), "not-a-token").get("/api/v1/me").status()).isEqualTo(401);
        // a new sign-in cannot happen: the web says so on a page of its own instead of
        // sending people to a dead address
        HttpResponse<Void> signIn = send(cluster.web().baseUrl() + "/oauth2/authorization/keycloak");
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location")).hasValue("/sign-in-unavailable");
        assertThat(status(cluster.web().baseUrl() + "/sign-in-unavailable")).isEqualTo(503);
    }

    /**
     * One client alternating a write (a draft challenge, with an Idempotency-Key) and a
     * match request.
     */
    private static final class Load {

        final String name;

        final List<String> acknowledgedTitles = new ArrayList<>();

        int sentWrites;

        int sentMatches;

        int failedWrites;

        int failedMatches;

        int retriedWrites;

        Load(String name) {
            this.name = name;
        }

        void runFor(Duration duration) {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                write();
                match();
            }
        }

        private void write() {
            String title = name + " draft " + UUID.randomUUID();
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = Map.of("organisationId", organisationId, "title", title, "summary",
                    "A draft written while a part of the cluster fails", "description", "Load during a fault",
                    "categories", List.of("damp-and-mould"), "regions", List.of("north-west"), "closingDate",
                    LocalDate.now().plusDays(30).toString());
            sentWrites++;
            ApiClient.Response response = association.postIdempotent("/api/v1/challenges", body, key);
            if (response.status() != 201) {
                // what a client does with an unanswered write: the same request, the same
                // key
                retriedWrites++;
                response = association.postIdempotent("/api/v1/challenges", body, key);
            }
            if (response.status() == 201) {
                acknowledgedTitles.add(title);
            }
            else {
                failedWrites++;
            }
        }

        private void match() {
            sentMatches++;
            if (association.get("/api/v1/challenges/" + matchedChallenge + "/matches").status() != 200) {
                failedMatches++;
            }
        }

        void print() {
            System.out.printf(
                    "[%s] writes sent %d, retried %d, failed %d, acknowledged %d; matches sent %d, failed %d%n", name,
                    sentWrites, retriedWrites, failedWrites, acknowledgedTitles.size(), sentMatches, failedMatches);
        }

        void assertEveryAcknowledgedWriteStoredOnce() {
            JsonNode mine = ApiClient.signedIn(cluster, "amara.okafor")
                .get("/api/v1/challenges?status=draft&limit=100&organisationId=" + organisationId)
                .body();
            List<String> stored = new ArrayList<>();
            pages(mine, stored);
            for (String title : acknowledgedTitles) {
                assertThat(stored.stream().filter(title::equals).count()).as(title).isEqualTo(1);
            }
        }

        private void pages(JsonNode page, List<String> titles) {
            while (true) {
                for (JsonNode item : page.get("items")) {
                    titles.add(item.get("title").asText());
                }
                JsonNode next = page.get("nextCursor");
                if (next == null || next.isNull()) {
                    return;
                }
                page = association
                    .get("/api/v1/challenges?status=draft&limit=100&organisationId=" + organisationId + "&cursor="
                            + next.asText())
                    .body();
            }
        }

    }

    private static void awaitConsistentIndexes() {
        ApiClient admin = ApiClient.signedIn(cluster, "admin");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode report = null;
        while (System.nanoTime() < deadline) {
            ApiClient.Response response = admin.get("/api/v1/admin/index-consistency");
            if (response.status() == 200) {
                report = response.body();
                boolean consistent = report.get("parkedOutboxRows").asLong() == 0;
                for (JsonNode index : report.get("indexes")) {
                    consistent &= index.get("missing").asLong() == 0 && index.get("extra").asLong() == 0
                            && index.get("stale").asLong() == 0
                            && index.get("inDatabase").asLong() == index.get("inIndex").asLong();
                }
                if (consistent) {
                    System.out.println("indexes consistent with PostgreSQL: " + report.get("indexes"));
                    return;
                }
            }
            sleep(1000);
        }
        throw new AssertionError("indexes never caught up with PostgreSQL: " + report);
    }

    private static JsonNode json(String url) {
        return JsonMapper.builder().build().readTree(text(url, Duration.ofSeconds(90)));
    }

    private static String text(String url, Duration timeout) {
        try {
            return HTTP
                .send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<Void> send(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status, or -1 when nothing answers. */
    private static int status(String url) {
        try {
            return HTTP
                .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        }
        catch (IOException e) {
            return -1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
