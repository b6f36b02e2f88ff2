package io.launchpad.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak with the {@code launchpad} realm, forked from the distribution that
 * {@code infra/keycloak} unpacks and pre-builds.
 *
 * <p>
 * {@code dataDir} becomes the Keycloak home of this instance: its own {@code data/} (the
 * dev-file H2 database, reused by the next start with the same folder), log and copy of
 * the small build output, with symbolic links to the shared, read-only jars. Several
 * instances (tests, the run command) can therefore run from one distribution without
 * writing into it.
 *
 * <p>
 * Keycloak runs in {@code start --optimized} mode: the distribution was built once at
 * Maven build time, which makes a fresh start about as fast as {@code start-dev} restarts
 * and a repeat start twice as fast (measured on 2 cores; see
 * {@code infra/keycloak/build-keycloak.sh}).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "launchpad";

    public static final String TEST_CLIENT = "launchpad-test";

    /**
     * The confidential client for partner systems; its secret is never in the realm file.
     */
    public static final String SERVICES_CLIENT = "launchpad-services";

    /**
     * The variable the realm file's {@code ${LAUNCHPAD_SERVICES_SECRET}} placeholder is
     * resolved from.
     */
    public static final String SERVICES_SECRET_VARIABLE = "LAUNCHPAD_SERVICES_SECRET";

    private static final String SERVICES_SECRET_FILE = "launchpad-services.secret";

    /**
     * The confidential client the API deletes sign-in accounts with (issue 12):
     * realm-management manage-users only.
     */
    public static final String ACCOUNT_ADMIN_CLIENT = "launchpad-account-admin";

    /**
     * The variable the realm file's {@code ${LAUNCHPAD_ACCOUNT_ADMIN_SECRET}} placeholder
     * is resolved from.
     */
    public static final String ACCOUNT_ADMIN_SECRET_VARIABLE = "LAUNCHPAD_ACCOUNT_ADMIN_SECRET";

    private static final String ACCOUNT_ADMIN_SECRET_FILE = "launchpad-account-admin.secret";

    /**
     * The realm's login theme ({@code infra/keycloak/theme/launchpad}), copied into the
     * distribution by its build.
     */
    public static final String LOGIN_THEME = "launchpad";

    /** The SMTP port the realm file falls back to, the run command's GreenMail. */
    public static final int DEFAULT_SMTP_PORT = 3025;

    private static final String DEFAULT_WEB_URL = "http://127.0.0.1:8081";

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    // a first start imports the realm; on a busy shared machine that alone has taken over
    // three minutes
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final String HEAP = "-Xms64m -Xmx512m";

    private static final String REALM_FILE = "launchpad-realm.json";

    private static final int LOG_TAIL_LINES = 60;

    /** The realm file's last dev redirect URI; extra ones are inserted after it. */
    private static final String WEB_REDIRECT_ANCHOR = "\"http://localhost:8081/*\"";

    /**
     * Dev-only master-realm admin: lets a repeat start register redirect URIs through the
     * admin API.
     */
    private static final String BOOTSTRAP_ADMIN = "admin";

    private static final String BOOTSTRAP_ADMIN_PASSWORD = "admin";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern REDIRECT_URIS = Pattern.compile("\"redirectUris\"\\s*:\\s*\\[([^\\]]*)]");

    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Process watchdog;

    private final ProcessHandle java;

    private final int port;

    private final Path logFile;

    private final HttpClient http;

    private final String servicesClientSecret;

    private final Thread shutdownHook = new Thread(this::stopProcesses, "keycloak-shutdown");

    private final AtomicBoolean stopped = new AtomicBoolean();

    private KeycloakServer(Process watchdog, ProcessHandle java, int port, Path logFile, HttpClient http,
            String servicesClientSecret) {
        this.servicesClientSecret = servicesClientSecret;
        this.watchdog = watchdog;
        this.java = java;
        this.port = port;
        this.logFile = logFile;
        this.http = http;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts Keycloak and returns once the realm answers.
     * @param dataDir Keycloak's home for this instance; a second start with the same
     * folder reuses its database
     * @param port the HTTP port, or 0 for a free one
     * @param extraWebRedirectBaseUrls base URLs such as {@code http://127.0.0.1:34567}
     * where a web front end runs besides the dev one on port 8081; {@code launchpad-web}
     * accepts redirects below each of them
     */
    public static KeycloakServer start(Path dataDir, int port, List<String> extraWebRedirectBaseUrls) {
        return start(dataDir, port, extraWebRedirectBaseUrls, DEFAULT_SMTP_PORT, ProcessHandle.current().pid());
    }

    /**
     * As {@link #start(Path, int, List)}, with the realm's emails (verify your address,
     * reset your password) sent to the SMTP server on 127.0.0.1:{@code smtpPort}. The
     * first extra web base URL, when there is one, is where the sign-in pages'
     * "Launchpad" header and "Go to Launchpad" links lead.
     */
    public static KeycloakServer start(Path dataDir, int port, List<String> extraWebRedirectBaseUrls, int smtpPort) {
        return start(dataDir, port, extraWebRedirectBaseUrls, smtpPort, ProcessHandle.current().pid());
    }

    /**
     * As {@link #start(Path, int, List)}, with Keycloak stopping once process
     * {@code ownerPid} is gone: shutdown hooks do not run when a JVM is killed with
     * SIGKILL, and an orphaned Keycloak would hold its port and half a gigabyte.
     */
    static KeycloakServer start(Path dataDir, int port, List<String> extraWebRedirectBaseUrls, long ownerPid) {
        return start(dataDir, port, extraWebRedirectBaseUrls, DEFAULT_SMTP_PORT, ownerPid);
    }

    private static KeycloakServer start(Path dataDir, int port, List<String> extraWebRedirectBaseUrls, int smtpPort,
            long ownerPid) {
        String webUrl = extraWebRedirectBaseUrls.isEmpty() ? DEFAULT_WEB_URL
                : extraWebRedirectBaseUrls.getFirst().replaceAll("/+$", "");
        List<String> extraRedirectUris = extraWebRedirectBaseUrls.stream()
            .map(KeycloakServer::redirectUriBelow)
            .toList();
        Path home = dataDir.toAbsolutePath().normalize();
        Path distribution = distribution();
        int httpPort = FreePorts.orFree(port);
        long started = System.nanoTime();
        try {
            prepareHome(distribution, home);
            boolean firstStart = !Files.isDirectory(home.resolve("data/h2"));
            writeRealm(home, extraRedirectUris);
            String servicesSecret = servicesClientSecret(home, System.getenv(SERVICES_SECRET_VARIABLE));
            String accountAdminSecret = accountAdminClientSecret(home);
            Path logFile = rotateLog(home);
            log.info("Starting Keycloak ({} start) on port {} with home {}; log in {}", firstStart ? "first" : "repeat",
                    httpPort, home, logFile);

            Process watchdog = fork(home, httpPort, logFile, ownerPid, servicesSecret, accountAdminSecret, smtpPort,
                    webUrl);
            HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
            ProcessHandle java;
            try {
                java = awaitReady(watchdog, httpPort, http, logFile, started);
            }
            catch (RuntimeException notReady) {
                stopProcessTree(watchdog);
                throw notReady;
            }
            KeycloakServer server = new KeycloakServer(watchdog, java, httpPort, logFile, http, servicesSecret);
            if (!firstStart) {
                // the realm file is imported only into a new database; an existing realm
                // is updated in place
                try {
                    if (!extraRedirectUris.isEmpty()) {
                        server.addWebRedirectUris(extraRedirectUris);
                    }
                    server.confineServicesClient(servicesSecret);
                    server.keepAccountAdminSecret(accountAdminSecret);
                    server.openSelfService(smtpPort, webUrl);
                }
                catch (RuntimeException e) {
                    server.stop();
                    throw e;
                }
            }
            log.info("Keycloak ready at {} in {} s (pid {}, {} start)", server.baseUrl(), seconds(started), java.pid(),
                    firstStart ? "first" : "repeat");
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Keycloak in " + home, e);
        }
    }

    /**
     * The {@code launchpad-services} client secret this Keycloak was given (for whatever
     * acts as that client).
     */
    public String servicesClientSecret() {
        return servicesClientSecret;
    }

    /**
     * The services client's secret: from {@code LAUNCHPAD_SERVICES_SECRET} when set,
     * otherwise one generated for this state folder on its first start and kept there
     * (owner-only), so a repeat start keeps working with the same secret and no two state
     * folders share one.
     */
    static String servicesClientSecret(Path home, String fromEnvironment) throws IOException {
        return clientSecret(home, SERVICES_SECRET_FILE, fromEnvironment);
    }

    /**
     * The account-admin client's secret for the Keycloak whose state folder is
     * {@code dataDir}: from {@code LAUNCHPAD_ACCOUNT_ADMIN_SECRET} when set, otherwise
     * generated once and kept there, like the services client's. The stack hands the same
     * value to the API before Keycloak is up.
     */
    public static String accountAdminClientSecret(Path dataDir) throws IOException {
        return clientSecret(dataDir.toAbsolutePath().normalize(), ACCOUNT_ADMIN_SECRET_FILE,
                System.getenv(ACCOUNT_ADMIN_SECRET_VARIABLE));
    }

    private static synchronized String clientSecret(Path home, String fileName, String fromEnvironment)
            throws IOException {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        Path file = home.resolve(fileName);
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file).strip();
            if (!kept.isEmpty()) {
                return kept;
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(home);
        Files.writeString(file, secret);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException notPosix) {
            log.debug("{} keeps its default permissions (no POSIX file system)", file);
        }
        return secret;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    /** The pid of Keycloak's Java process (not of the shell around it). */
    public long pid() {
        return java.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * An access token for a realm user, through the test-only password-grant client. For
     * tests.
     */
    public String passwordGrantToken(String username, String password) {
        return accessToken(REALM, Map.of("grant_type", "password", "client_id", TEST_CLIENT, "username", username,
                "password", password, "scope", "openid"));
    }

    /**
     * An access token for a confidential client's service account (e.g.
     * {@code launchpad-services}).
     */
    public String clientCredentialsToken(String clientId, String clientSecret) {
        return accessToken(REALM,
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret));
    }

    public void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops Keycloak too, and only one of us
            // does the work
        }
        stopProcesses();
    }

    @Override
    public void close() {
        stop();
    }

    private void stopProcesses() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        java.destroy();
        try {
            java.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        catch (Exception notInTime) {
            java.destroyForcibly();
        }
        // the watchdog notices Keycloak is gone within a second; destroying it only
        // covers a hung shell
        try {
            if (!watchdog.waitFor(5, TimeUnit.SECONDS)) {
                watchdog.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            watchdog.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("Keycloak on port {} stopped in {} s", port, seconds(started));
    }

    // --- home and realm
    // ------------------------------------------------------------------------

    /**
     * The distribution folder the last {@code infra/keycloak} build unpacked and
     * pre-built.
     */
    static Path distribution() {
        Path pointer = ProjectPaths.built("infra/keycloak/target/keycloak-home");
        try {
            String folder = Files.readString(pointer).strip();
            ProjectPaths.built("infra/keycloak/target/" + folder + "/bin/kc.sh"); // there,
                                                                                  // or it
                                                                                  // says
                                                                                  // to
                                                                                  // build
                                                                                  // it
            return ProjectPaths.built("infra/keycloak/target/" + folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies what Keycloak may rewrite (launcher, build output) and links the rest,
     * refreshing both on every start so a rebuilt distribution is picked up.
     */
    private static void prepareHome(Path distribution, Path home) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib/quarkus"));
        Files.createDirectories(home.resolve("data/import"));
        Path kcSh = home.resolve("bin/kc.sh");
        Files.copy(distribution.resolve("bin/kc.sh"), kcSh, StandardCopyOption.REPLACE_EXISTING);
        if (!kcSh.toFile().setExecutable(true)) {
            throw new IOException("Cannot make " + kcSh + " executable");
        }
        Files.copy(distribution.resolve("lib/quarkus-run.jar"), home.resolve("lib/quarkus-run.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> built = Files.list(distribution.resolve("lib/quarkus"))) {
            for (Path file : built.toList()) {
                Files.copy(file, home.resolve("lib/quarkus").resolve(file.getFileName().toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (String shared : List.of("lib/lib", "lib/app", "conf", "themes", "providers")) {
            Path link = home.resolve(shared);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, distribution.resolve(shared));
        }
    }

    private static void writeRealm(Path home, List<String> extraRedirectUris) throws IOException {
        String realm = Files.readString(ProjectPaths.built("infra/keycloak/realm/" + REALM_FILE));
        Files.writeString(home.resolve("data/import/" + REALM_FILE), withWebRedirectUris(realm, extraRedirectUris));
    }

    /**
     * The realm JSON with more {@code launchpad-web} redirect URIs; the file itself stays
     * valid JSON.
     */
    static String withWebRedirectUris(String realmJson, List<String> extraRedirectUris) {
        int first = realmJson.indexOf(WEB_REDIRECT_ANCHOR);
        if (first < 0 || first != realmJson.lastIndexOf(WEB_REDIRECT_ANCHOR)) {
            throw new IllegalStateException("The realm file must list " + WEB_REDIRECT_ANCHOR
                    + " exactly once (in launchpad-web's redirectUris): extra redirect URIs are inserted after it");
        }
        String extras = extraRedirectUris.stream().map(uri -> ", \"" + uri + "\"").collect(Collectors.joining());
        return realmJson.replace(WEB_REDIRECT_ANCHOR, WEB_REDIRECT_ANCHOR + extras);
    }

    static String redirectUriBelow(String baseUrl) {
        URI uri = URI.create(baseUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || baseUrl.contains("\"") || baseUrl.contains("\\")) {
            throw new IllegalArgumentException("Not an http(s) base URL: " + baseUrl);
        }
        return baseUrl.replaceAll("/+$", "") + "/*";
    }

    // --- process
    // ---------------------------------------------------------------------------------

    private static Path rotateLog(Path home) throws IOException {
        Path logFile = home.resolve("keycloak.log");
        if (Files.exists(logFile)) {
            Files.move(logFile, home.resolve("keycloak.previous.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        return logFile;
    }

    private static Process fork(Path home, int port, Path logFile, long ownerPid, String servicesSecret,
            String accountAdminSecret, int smtpPort, String webUrl) throws IOException {
        List<String> command = new ArrayList<>(
                ParentWatchdog.command(ownerPid, home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                        "--cache=local", "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                        // a fixed issuer: otherwise it follows each request's Host and
                        // token validation fails
                        "--hostname=http://127.0.0.1:" + port, "--log-console-color=false", "--import-realm"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        // Keycloak reads KC_* and kc.sh JAVA_OPTS* from the environment: only ours count
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS") || name.equals("JAVA"));
        env.put("JAVA_HOME", Jdk.home21OrNewer().toString());
        env.put("JAVA_OPTS_KC_HEAP", HEAP);
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_ADMIN_PASSWORD);
        // resolves the realm file's ${LAUNCHPAD_SERVICES_SECRET} when the realm is
        // imported
        env.put(SERVICES_SECRET_VARIABLE, servicesSecret);
        // and ${LAUNCHPAD_ACCOUNT_ADMIN_SECRET}, the API's client for deleting erased
        // people's accounts
        env.put(ACCOUNT_ADMIN_SECRET_VARIABLE, accountAdminSecret);
        // and the realm's SMTP server (sign-up and password emails) and the web address
        // its pages link to
        env.put("LAUNCHPAD_SMTP_HOST", "127.0.0.1");
        env.put("LAUNCHPAD_SMTP_PORT", Integer.toString(smtpPort));
        env.put("LAUNCHPAD_WEB_URL", webUrl);
        return builder.start();
    }

    private static ProcessHandle awaitReady(Process watchdog, int port, HttpClient http, Path logFile, long started) {
        URI discovery = URI
            .create("http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration");
        long deadline = started + READY_TIMEOUT.toNanos();
        long nextProgress = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Optional<ProcessHandle> java = Optional.empty();
        while (System.nanoTime() < deadline) {
            if (!watchdog.isAlive()) {
                throw failure("Keycloak exited with code " + watchdog.exitValue() + " before it was ready", logFile);
            }
            if (java.isEmpty()) {
                java = keycloakJava(watchdog);
            }
            if (java.isPresent() && answers(http, discovery)) {
                return java.get();
            }
            if (System.nanoTime() > nextProgress) {
                log.info("Waiting for Keycloak on port {}: {} s", port, seconds(started));
                nextProgress += Duration.ofSeconds(10).toNanos();
            }
            sleep(Duration.ofMillis(500));
        }
        stopProcessTree(watchdog);
        throw failure("Keycloak was not ready within " + READY_TIMEOUT.toSeconds() + " s", logFile);
    }

    private static Optional<ProcessHandle> keycloakJava(Process watchdog) {
        return watchdog.descendants()
            .filter(process -> process.info().command().map(cmd -> cmd.endsWith("/java")).orElse(false))
            .findFirst();
    }

    private static boolean answers(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException notYet) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    private static void stopProcessTree(Process watchdog) {
        watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
        watchdog.destroyForcibly();
    }

    private static IllegalStateException failure(String message, Path logFile) {
        return new IllegalStateException(message + "; last lines of " + logFile + ":\n" + tail(logFile));
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        }
        catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    // --- HTTP
    // ------------------------------------------------------------------------------------

    private String accessToken(String realm, Map<String, String> form) {
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form))));
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Token request (" + form.get("grant_type") + ", " + form.get("client_id")
                    + ") failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    /**
     * A realm imported before issue 10 gave the services client the shared dev secret and
     * the admin role: on a repeat start the client gets this folder's secret and its
     * service account the partner role instead of admin (both idempotent).
     */
    private void confineServicesClient(String secret) {
        String adminToken = adminToken();
        String realm = baseUrl() + "/admin/realms/" + REALM;
        String found = expectOk(send(HttpRequest.newBuilder(URI.create(realm + "/clients?clientId=" + SERVICES_CLIENT))
            .header("Authorization", "Bearer " + adminToken)
            .GET())).body();
        Matcher clientId = FIRST_ID.matcher(found);
        if (!clientId.find()) {
            throw new IllegalStateException(SERVICES_CLIENT + " not found in realm " + REALM + ": " + found);
        }
        expectOk(send(HttpRequest.newBuilder(URI.create(realm + "/clients/" + clientId.group(1)))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers
                .ofString("{\"secret\": \"" + secret.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"))));
        HttpResponse<String> partner = send(HttpRequest.newBuilder(URI.create(realm + "/roles/partner"))
            .header("Authorization", "Bearer " + adminToken)
            .GET());
        if (partner.statusCode() == 404) {
            expectOk(send(HttpRequest.newBuilder(URI.create(realm + "/roles"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"partner\", \"description\": "
                        + "\"A partner system: reads what is published, never people's data, never admin\"}"))));
            partner = send(HttpRequest.newBuilder(URI.create(realm + "/roles/partner"))
                .header("Authorization", "Bearer " + adminToken)
                .GET());
        }
        String partnerRole = expectOk(partner).body();
        String adminRole = expectOk(send(HttpRequest.newBuilder(URI.create(realm + "/roles/admin"))
            .header("Authorization", "Bearer " + adminToken)
            .GET())).body();
        String user = expectOk(send(
                HttpRequest.newBuilder(URI.create(realm + "/clients/" + clientId.group(1) + "/service-account-user"))
                    .header("Authorization", "Bearer " + adminToken)
                    .GET()))
            .body();
        Matcher userId = FIRST_ID.matcher(user);
        if (!userId.find()) {
            throw new IllegalStateException("No service account for " + SERVICES_CLIENT + ": " + user);
        }
        String mappings = realm + "/users/" + userId.group(1) + "/role-mappings/realm";
        expectOk(send(HttpRequest.newBuilder(URI.create(mappings))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString("[" + adminRole + "]"))));
        expectOk(send(HttpRequest.newBuilder(URI.create(mappings))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("[" + partnerRole + "]"))));
    }

    /**
     * A realm imported before issue 12 has no account-admin client: erasures then record
     * the Keycloak deletion as pending (the API retries it) until the state folder is
     * recreated. Where the client exists, it is given this state folder's secret, as the
     * services client is.
     */
    private void keepAccountAdminSecret(String secret) {
        String adminToken = adminToken();
        String realm = baseUrl() + "/admin/realms/" + REALM;
        String found = expectOk(
                send(HttpRequest.newBuilder(URI.create(realm + "/clients?clientId=" + ACCOUNT_ADMIN_CLIENT))
                    .header("Authorization", "Bearer " + adminToken)
                    .GET()))
            .body();
        Matcher clientId = FIRST_ID.matcher(found);
        if (!clientId.find()) {
            log.warn("Realm {} has no {} client (imported before it existed): erased people's sign-in accounts stay"
                    + " until the Keycloak state folder is recreated", REALM, ACCOUNT_ADMIN_CLIENT);
            return;
        }
        expectOk(send(HttpRequest.newBuilder(URI.create(realm + "/clients/" + clientId.group(1)))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers
                .ofString("{\"secret\": \"" + secret.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"))));
    }

    /**
     * A realm imported before issue 12 was closed to sign-up: on a repeat start it gets
     * the realm file's self-service settings (registration with email verification,
     * password reset, the Launchpad login theme, the password policy) and, every time,
     * this run's SMTP port and web address (idempotent).
     */
    private void openSelfService(int smtpPort, String webUrl) {
        String adminToken = adminToken();
        String realm = baseUrl() + "/admin/realms/" + REALM;
        expectOk(send(HttpRequest.newBuilder(URI.create(realm))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("""
                    {"registrationAllowed": true, "resetPasswordAllowed": true, "verifyEmail": true,
                     "loginTheme": "%s", "emailTheme": "%s", "passwordPolicy": "length(8) and notUsername and notEmail",
                     "smtpServer": {"host": "127.0.0.1", "port": "%d", "from": "launchpad@launchpad.example",
                                    "fromDisplayName": "Launchpad", "auth": "false", "ssl": "false",
                                    "starttls": "false"}}""".formatted(LOGIN_THEME, LOGIN_THEME, smtpPort)))));
        String found = expectOk(send(HttpRequest.newBuilder(URI.create(realm + "/clients?clientId=launchpad-web"))
            .header("Authorization", "Bearer " + adminToken)
            .GET())).body();
        Matcher clientId = FIRST_ID.matcher(found);
        if (!clientId.find()) {
            throw new IllegalStateException("launchpad-web not found in realm " + REALM + ": " + found);
        }
        expectOk(send(HttpRequest.newBuilder(URI.create(realm + "/clients/" + clientId.group(1)))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers
                .ofString("{\"baseUrl\": \"" + webUrl.replace("\\", "\\\\").replace("\"", "\\\"") + "/\"}"))));
    }

    private String adminToken() {
        return accessToken("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username",
                BOOTSTRAP_ADMIN, "password", BOOTSTRAP_ADMIN_PASSWORD));
    }

    /**
     * Adds redirect URIs to {@code launchpad-web} through the admin API (kept when
     * already there).
     */
    private void addWebRedirectUris(List<String> redirectUris) {
        String adminToken = accessToken("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username",
                BOOTSTRAP_ADMIN, "password", BOOTSTRAP_ADMIN_PASSWORD));
        String clients = baseUrl() + "/admin/realms/" + REALM + "/clients";
        String found = expectOk(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=launchpad-web"))
            .header("Authorization", "Bearer " + adminToken)
            .GET())).body();
        Matcher id = FIRST_ID.matcher(found);
        Matcher current = REDIRECT_URIS.matcher(found);
        if (!id.find() || !current.find()) {
            throw new IllegalStateException("launchpad-web not found in realm " + REALM + ": " + found);
        }
        Set<String> merged = new LinkedHashSet<>();
        JSON_STRING.matcher(current.group(1)).results().map(match -> match.group(1)).forEach(merged::add);
        if (!merged.addAll(redirectUris)) {
            return;
        }
        String body = merged.stream()
            .map(uri -> "\"" + uri + "\"")
            .collect(Collectors.joining(", ", "{\"redirectUris\": [", "]}"));
        expectOk(send(HttpRequest.newBuilder(URI.create(clients + "/" + id.group(1)))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))));
        log.info("Registered web redirect URIs {} on launchpad-web", redirectUris);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Keycloak at " + baseUrl() + " did not answer", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static HttpResponse<String> expectOk(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static String formEncoded(Map<String, String> form) {
        return form.entrySet()
            .stream()
            .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

}
