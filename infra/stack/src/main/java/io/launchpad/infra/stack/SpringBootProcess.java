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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of our Spring Boot services (API, web) run from its packaged jar in its own JVM, as
 * in production, so the run command and the system tests exercise the real artefacts.
 */
public final class SpringBootProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpringBootProcess.class);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String name;

    private final Process process;

    private final int port;

    private final Path logFile;

    private SpringBootProcess(String name, Process process, int port, Path logFile) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts {@code jar} with {@code env} and waits until {@code /actuator/health}
     * answers 200.
     */
    public static SpringBootProcess start(String name, Path jar, Map<String, String> env, int port, Path logFile,
            String heap) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(logFile.getParent());
            List<String> command = new ArrayList<>(ParentWatchdog.command(Jdk.java21OrNewer().toString(), "-Xms64m",
                    "-Xmx" + heap, "-XX:+UseSerialGC", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            SpringBootProcess app = new SpringBootProcess(name, process, port, logFile);
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, name + "-shutdown"));
            app.awaitHealthy(started);
            log.info("{} ready at {} in {} s", name, app.baseUrl(), seconds(started));
            return app;
        }
        catch (IOException e) {
            throw new UncheckedIOException(name + " did not start", e);
        }
    }

    private void awaitHealthy(long started) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready; last lines of " + logFile + ":\n" + LogTail.of(logFile, 40));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > nextProgress) {
                log.info("waiting for {} ({} s so far)", name, seconds(started));
                nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            }
            sleep(250);
        }
        stop();
        throw new IllegalStateException(name + " was not healthy within " + READY_TIMEOUT.toSeconds()
                + " s; last lines of " + logFile + ":\n" + LogTail.of(logFile, 40));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The service's own JVM (below the watchdog shell). */
    public long pid() {
        return process.descendants()
            .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
            .findFirst()
            .map(ProcessHandle::pid)
            .orElse(process.pid());
    }

    public Path logFile() {
        return logFile;
    }

    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static long seconds(long started) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
