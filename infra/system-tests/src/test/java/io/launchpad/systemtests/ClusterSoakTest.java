package io.launchpad.systemtests;

import io.launchpad.infra.stack.LaunchpadStack;
import io.launchpad.infra.stack.SpringBootProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A soak on cluster mode (issue 13): two clients mixing writes, reads and match requests
 * through the balancer for {@code -Dsoak.minutes} (default 10), with each API instance's
 * resident memory sampled every 30 s. Passes with no failed request and no instance's RSS
 * growing 10 % or more from the end of the first minute (warm-up: caches, JIT) to the
 * end. Heavy, so outside the default suite:
 * {@code ./mvnw -B -Psoak -pl infra/system-tests -am verify -Dtest=ClusterSoakTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("soak")
class ClusterSoakTest {

    private static LaunchpadStack cluster;

    @BeforeAll
    static void startTheCluster() throws IOException {
        cluster = LaunchpadStack.start(LaunchpadStack.Options.test(Files.createTempDirectory("launchpad-soak"))
            .cluster(true)
            .apiSettings(Map.of("LAUNCHPAD_RATELIMITS_ENABLED", "false")));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void tenMinutesOfModerateLoadWithoutAnErrorOrGrowingMemory() throws Exception {
        ApiClient association = ApiClient.signedIn(cluster, "amara.okafor");
        ApiClient supplier = ApiClient.signedIn(cluster, "sofia.marin");
        // access tokens live 5 minutes: the clients sign in again every 2, as an app
        // refreshes its token
        var signedIn = new AtomicReference<>(new ApiClient[] { association, supplier });
        long[] lastSignIn = { System.nanoTime() };
        String organisation = Journeys.registerOrganisation(cluster, association, "Soak Homes " + UUID.randomUUID(),
                "association");
        String supplierOrg = Journeys.registerOrganisation(cluster, supplier, "Soak Sensors " + UUID.randomUUID(),
                "supplier");
        String supplierId = Journeys.publishedSupplier(supplier, supplierOrg, "Soak Sensors",
                "Humidity sensors that warn of damp and mould before residents report it");
        String challenge = Journeys.publishedChallenge(association, organisation, "Soak: spot damp early",
                "Warn us of damp before residents report it", "Sensors in homes");
        Journeys.awaitMatches(association, challenge, items -> Journeys.containsSupplier(items, supplierId));

        Duration length = Duration.ofMinutes(Long.getLong("soak.minutes", 10));
        long end = System.nanoTime() + length.toNanos();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    synchronized (lastSignIn) {
                        if (System.nanoTime() - lastSignIn[0] > Duration.ofMinutes(2).toNanos()) {
                            signedIn.set(new ApiClient[] { ApiClient.signedIn(cluster, "amara.okafor"),
                                    ApiClient.signedIn(cluster, "sofia.marin") });
                            lastSignIn[0] = System.nanoTime();
                        }
                    }
                    ApiClient associationNow = signedIn.get()[0];
                    ApiClient supplierNow = signedIn.get()[1];
                    int status = switch (sent.getAndIncrement() % 4) {
                        case 0 -> associationNow.postIdempotent("/api/v1/challenges",
                                Map.of("organisationId", organisation, "title", "Soak draft " + UUID.randomUUID(),
                                        "summary", "A draft written during the soak", "description", "Soak",
                                        "categories", List.of("damp-and-mould"), "regions", List.of("north-west"),
                                        "closingDate", LocalDate.now().plusDays(30).toString()),
                                UUID.randomUUID().toString())
                            .status() == 201 ? 200 : 500;
                        case 1 -> associationNow.get("/api/v1/challenges/" + challenge + "/matches").status();
                        case 2 -> supplierNow.get("/api/v1/suppliers/" + supplierId + "/matches").status();
                        default -> associationNow.get("/api/v1/challenges?limit=20").status();
                    };
                    if (status != 200) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        List<String> curve = new ArrayList<>();
        List<long[]> samples = new ArrayList<>();
        long started = System.nanoTime();
        while (System.nanoTime() < end) {
            Thread.sleep(30_000);
            long[] rss = cluster.apis().stream().mapToLong(ClusterSoakTest::rssMiB).toArray();
            samples.add(rss);
            curve.add(String.format("%ds %s", (System.nanoTime() - started) / 1_000_000_000, Arrays.toString(rss)));
        }
        for (Thread client : clients) {
            client.join();
        }
        System.out.printf("[soak] %d min: requests %d, failed %d; API RSS MiB every 30 s: %s%n", length.toMinutes(),
                sent.get(), failed.get(), String.join("; ", curve));

        assertThat(failed.get()).isZero();
        long[] warm = samples.get(Math.min(1, samples.size() - 1));
        long[] last = samples.getLast();
        for (int i = 0; i < warm.length; i++) {
            assertThat((double) last[i])
                .as("API instance %d RSS after warm-up %d MiB, at the end %d MiB", i + 1, warm[i], last[i])
                .isLessThan(warm[i] * 1.10);
        }
    }

    private static long rssMiB(SpringBootProcess instance) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + instance.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        }
        catch (IOException gone) {
            return -1;
        }
        return -1;
    }

}
