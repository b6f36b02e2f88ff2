package io.launchpad.infra.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;

/**
 * A real Elasticsearch node (the version the parent pom pins) in its own JVM, started
 * from the distribution folder {@code infra/es-node} builds. Its jars and log4j never
 * touch this JVM's classpath; its output goes to {@code <home>/logs/elasticsearch.log}.
 * The node watches this JVM's process id and exits when this JVM does, even after a
 * {@code kill -9}, so a crashed test run leaves nothing behind.
 *
 * <p>
 * The node carries Launchpad's analysis plugin ({@code english}, {@code stemmer},
 * {@code asciifolding}, {@code synonym_graph}, ...) instead of {@code analysis-common};
 * painless, reindex, RRF and {@code GET /} are missing (use {@code /_cluster/health} to
 * probe it).
 */
public final class ElasticsearchServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchServer.class);

    static final String DISTRIBUTION = "infra/es-node/target/es-node";

    private static final String MAIN_CLASS = "io.launchpad.infra.esnode.ElasticsearchNodeMain";

    private static final String HEAP_PROPERTY = "launchpad.es.heap";

    // generous: three nodes of a cluster, or a busy shared machine, can take minutes; it
    // only costs time on failure
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private static final int LOG_TAIL_LINES = 60;

    private final Path home;

    private final int httpPort;

    private final int transportPort;

    private final Process process;

    private final Thread stopOnExit;

    private final List<String> settings;

    private final String heap;

    private ElasticsearchServer(Path home, int httpPort, int transportPort, Process process, List<String> settings,
            String heap) {
        this.settings = settings;
        this.heap = heap;
        this.home = home;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.process = process;
        this.stopOnExit = new Thread(this::stopQuietly, "elasticsearch-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts a node whose data, config and logs live in {@code home} (kept between
     * starts), answering HTTP on 127.0.0.1:{@code httpPort} (0 picks a free port), and
     * returns once the cluster is yellow or green. Heap 1g unless
     * {@code -Dlaunchpad.es.heap=512m} (or similar) says otherwise.
     */
    public static ElasticsearchServer start(Path home, int httpPort) {
        return start(home.toAbsolutePath().normalize(), FreePorts.orFree(httpPort), FreePorts.pick(), List.of(),
                System.getProperty(HEAP_PROPERTY, "1g"));
    }

    /**
     * A node with extra Elasticsearch settings ({@code name=value}, e.g. a cluster's
     * discovery settings) and its own heap, returning once the cluster it joined is
     * yellow or green: for a node of a cluster still forming, that is once enough
     * master-eligible nodes have joined, so a cluster's nodes are started side by side.
     */
    static ElasticsearchServer start(Path home, int httpPort, int transportPort, List<String> settings, String heap) {
        requireFree(httpPort);
        Path distribution = ProjectPaths.built(DISTRIBUTION);
        Path logFile = home.resolve("logs/elasticsearch.log");
        long started = System.nanoTime();
        Process process;
        long logOffset;
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(home.resolve("tmp"));
            logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            process = new ProcessBuilder(
                    command(distribution, home, httpPort, transportPort, ProcessHandle.current().pid(), settings, heap))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start Elasticsearch in " + home, e);
        }
        log.info("Starting Elasticsearch (pid {}) in {}, log {}", process.pid(), home, logFile);
        ElasticsearchServer server = new ElasticsearchServer(home, httpPort, transportPort, process, settings, heap);
        try {
            server.awaitReady(started, logFile, logOffset);
        }
        catch (RuntimeException e) {
            server.stopQuietly();
            throw e;
        }
        log.info("Elasticsearch ready at {} in {} s", server.httpUrl(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return server;
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Stops the node gracefully (flushes, closes shards), forcibly after 30 s, and waits
     * for it to exit.
     */
    public void stop() {
        if (!Thread.currentThread().equals(stopOnExit)) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
            catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it does the same
            }
        }
        if (!process.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Elasticsearch (pid {}) did not stop within {} s; killing it", pid(),
                        GRACEFUL_STOP.toSeconds());
                process.destroyForcibly().waitFor();
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("Elasticsearch (pid {}) stopped in {} ms", pid(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Stops this node and starts a new one on the same home and ports; the data survives.
     */
    public ElasticsearchServer restart() {
        stop();
        int transport = isFree(transportPort) ? transportPort : FreePorts.pick();
        return start(home, httpPort, transport, settings, heap);
    }

    @Override
    public void close() {
        stop();
    }

    private void stopQuietly() {
        try {
            stop();
        }
        catch (RuntimeException e) {
            process.destroyForcibly();
        }
    }

    /**
     * Kills the node's process outright (no flush, no goodbye to the cluster), as a crash
     * would, and waits for it.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Elasticsearch (pid {}) killed", pid());
    }

    public int transportPort() {
        return transportPort;
    }

    static List<String> command(Path distribution, Path home, int httpPort, int transportPort, long parentPid) {
        return command(distribution, home, httpPort, transportPort, parentPid, List.of(),
                System.getProperty(HEAP_PROPERTY, "1g"));
    }

    static List<String> command(Path distribution, Path home, int httpPort, int transportPort, long parentPid,
            List<String> settings, String heap) {
        List<String> command = new ArrayList<>(
                List.of(Jdk.java21OrNewer().toString(), "-Xms" + heap, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                        "-Djava.io.tmpdir=" + home.resolve("tmp"), "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                        // the node closes itself in its shutdown hook and logs while
                        // doing so
                        "-Dlog4j.shutdownHookEnabled=false", "-Dlog4j2.disable.jmx=true",
                        // Elasticsearch's native libraries (zstd, vector distance) ship
                        // only in its distribution:
                        // pointing at a folder without them makes the node fall back to
                        // Java, with one clear warning
                        "-Des.nativelibs.path=" + distribution.resolve("lib/platform"), "-Dio.netty.noUnsafe=true",
                        "-Dio.netty.noKeySetOptimization=true", "-Dio.netty.recycler.maxCapacityPerThread=0",
                        // the Vector API Lucene uses for kNN and BM25 scoring
                        "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-cp",
                        distribution.resolve("lib") + "/*", MAIN_CLASS, "--home", home.toString(), "--http-port",
                        Integer.toString(httpPort), "--transport-port", Integer.toString(transportPort), "--parent-pid",
                        Long.toString(parentPid)));
        settings.forEach(setting -> command.add("-E" + setting));
        return List.copyOf(command);
    }

    private void awaitReady(long startedNanos, Path logFile, long logOffset) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest
            .newBuilder(URI.create(httpUrl() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
        long deadline = startedNanos + READY_TIMEOUT.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before it was ready", logFile, logOffset);
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && isYellowOrGreen(response.body())) {
                    requireItIsOurs(http, logFile, logOffset);
                    return;
                }
            }
            catch (ConnectException notListeningYet) {
                // still starting
            }
            catch (IOException e) {
                log.debug("Elasticsearch health check failed: {}", e.toString());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw failure("was not ready within " + READY_TIMEOUT.toSeconds() + " s", logFile, logOffset);
            }
            if (now > nextProgress) {
                log.info("Waiting for Elasticsearch at {} ({} s so far, log {})", httpUrl(),
                        (now - startedNanos) / 1_000_000_000, logFile);
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private static boolean isYellowOrGreen(String health) {
        String compact = health.replace(" ", "");
        return compact.contains("\"status\":\"green\"") || compact.contains("\"status\":\"yellow\"");
    }

    /** A node left over on the same port would otherwise pass for this one. */
    private void requireItIsOurs(HttpClient http, Path logFile, long logOffset)
            throws IOException, InterruptedException {
        HttpRequest processInfo = HttpRequest
            .newBuilder(URI.create(httpUrl() + "/_nodes/_local/process?filter_path=nodes.*.process.id"))
            .GET()
            .build();
        String body = http.send(processInfo, HttpResponse.BodyHandlers.ofString()).body().replace(" ", "");
        if (!body.contains("\"id\":" + pid() + "}")) {
            throw failure("is not the one answering on port " + httpPort + " (" + body + ")", logFile, logOffset);
        }
    }

    private IllegalStateException failure(String problem, Path logFile, long logOffset) {
        return new IllegalStateException("Elasticsearch (pid " + pid() + ", " + httpUrl() + ") " + problem
                + ". Last lines of " + logFile + ":\n" + tail(logFile, logOffset));
    }

    private static String tail(Path logFile, long fromOffset) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long start = Math.max(fromOffset, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        }
        catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    private static void requireFree(int port) {
        if (!isFree(port)) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is in use: another Elasticsearch node "
                    + "(or something else) is listening there. Stop it or start with port 0 for a free one.");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as the node binds: a port whose old connections linger in TIME_WAIT counts
            // as free
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        }
        catch (IOException inUse) {
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
        }
    }

}
