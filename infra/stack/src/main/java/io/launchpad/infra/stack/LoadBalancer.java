package io.launchpad.infra.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * HAProxy (the Debian package) in front of the API instances in cluster mode: round robin
 * over the instances whose readiness probe answers, a dead instance taken out within
 * about two seconds, and a request whose connection failed (nothing was sent) tried on
 * another instance, so no caller sees an instance die. Requests that reached an instance
 * are never replayed here: retrying writes safely is the client's business, with
 * {@code Idempotency-Key}.
 */
public final class LoadBalancer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoadBalancer.class);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;

    private final int port;

    private LoadBalancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts HAProxy on 127.0.0.1:{@code port} over the given backend ports; config and
     * log in {@code home}.
     */
    public static LoadBalancer start(Path home, int port, List<Integer> backends) {
        Path haproxy = Path.of("/usr/sbin/haproxy");
        if (!Files.isExecutable(haproxy)) {
            throw new IllegalStateException("Cluster mode needs HAProxy in front of the API instances: "
                    + "apt-get install -y haproxy (Debian), then run again.");
        }
        try {
            Path config = writeConfig(home, port, backends);
            Process process = new ProcessBuilder(List.of(haproxy.toString(), "-f", config.toString(), "-db"))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("haproxy.log").toFile())
                .start();
            LoadBalancer balancer = new LoadBalancer(process, port);
            Runtime.getRuntime().addShutdownHook(new Thread(balancer::close, "haproxy-stop"));
            balancer.awaitReady(home.resolve("haproxy.log"));
            log.info("HAProxy ready at {} over API instances on ports {}", balancer.baseUrl(), backends);
            return balancer;
        }
        catch (IOException e) {
            throw new UncheckedIOException("HAProxy did not start", e);
        }
    }

    /**
     * Writes {@code haproxy.cfg} and the page it answers with when no instance is ready;
     * returns the config.
     */
    static Path writeConfig(Path home, int port, List<Integer> backends) throws IOException {
        Files.createDirectories(home);
        Path config = home.resolve("haproxy.cfg");
        // when no instance is ready (PostgreSQL down, say) callers get the API's own kind
        // of answer
        Path unavailable = home.resolve("503.http");
        Files.writeString(unavailable, String.join("\r\n", "HTTP/1.1 503 Service Unavailable",
                "Content-Type: application/problem+json", "Retry-After: 5", "Cache-Control: no-store",
                "Connection: close", "",
                "{\"type\":\"https://launchpad.example/problems/temporarily-unavailable\",\"title\":\"Temporarily unavailable\","
                        + "\"status\":503,\"detail\":\"No API instance is ready to answer; retry after 5 seconds\"}"));
        Files.writeString(config,
                config(port, backends).replace("errorfile 503 503.http", "errorfile 503 " + unavailable));
        return config;
    }

    static String config(int port, List<Integer> backends) {
        StringBuilder text = new StringBuilder("""
                global
                    maxconn 2000

                defaults
                    mode http
                    timeout connect 1s
                    timeout client 60s
                    timeout server 60s
                    # a connection refused or reset before anything was sent goes to another instance
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response
                    errorfile 503 503.http

                frontend api
                    bind 127.0.0.1:%d
                    default_backend api_instances

                backend api_instances
                    balance roundrobin
                    option httpchk GET /actuator/health/readiness
                    http-check expect status 200
                    default-server inter 1s fall 2 rise 2
                """.formatted(port));
        IntStream.range(0, backends.size())
            .forEach(i -> text.append("    server api")
                .append(i + 1)
                .append(" 127.0.0.1:")
                .append(backends.get(i))
                .append(" check\n"));
        return text.toString();
    }

    private void awaitReady(Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "HAProxy exited with code " + process.exitValue() + ":\n" + LogTail.of(logFile, 20));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // starting, or its first health checks are still running
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for HAProxy", e);
            }
            try {
                Thread.sleep(200);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for HAProxy", e);
            }
        }
        close();
        throw new IllegalStateException("HAProxy did not pass a request within " + READY_TIMEOUT.toSeconds() + " s:\n"
                + LogTail.of(logFile, 20));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            }
            catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

}
