package io.launchpad.infra.stack;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;

/**
 * The whole product on this machine: PostgreSQL, an Elasticsearch node and Keycloak, then
 * the API and the web front end from their packaged jars, wired to each other. The run
 * command starts it with fixed ports and kept state; system tests with free ports and
 * clean state.
 */
public final class LaunchpadStack implements AutoCloseable {

    /** Where and how to run; port 0 means any free port. */
    public record Options(Path stateDir, boolean clean, int postgresPort, int elasticsearchPort, int keycloakPort,
            int apiPort, int webPort, int smtpPort, int mailboxPort, boolean demoData, External external,
            boolean cluster, Map<String, String> apiSettings) {

        /**
         * The run command: fixed ports, kept state, demo data, and external components
         * where configured.
         */
        public static Options dev() {
            return new Options(ProjectPaths.localState(), false, 5433, 9200, 8180, 8080, 8081, 3025, 8025, true,
                    External.fromEnvironment(System.getenv()), false, Map.of());
        }

        public static Options test(Path stateDir) {
            return new Options(stateDir, true, 0, 0, 0, 0, 0, 0, 0, false, External.NONE, false, Map.of());
        }

        /**
         * Cluster mode: a 3-node Elasticsearch cluster (every shard with a replica) and
         * two API instances behind HAProxy on the API port, instead of one of each. Its
         * state lives apart from single mode's.
         */
        public Options cluster(boolean on) {
            return new Options(on && !cluster ? stateDir.resolve("cluster") : stateDir, clean, postgresPort,
                    elasticsearchPort, keycloakPort, apiPort, webPort, smtpPort, mailboxPort, demoData, external, on,
                    apiSettings);
        }

        /**
         * Extra environment for the API instances (a test's own limits, say); it wins
         * over the stack's.
         */
        public Options apiSettings(Map<String, String> settings) {
            return new Options(stateDir, clean, postgresPort, elasticsearchPort, keycloakPort, apiPort, webPort,
                    smtpPort, mailboxPort, demoData, external, cluster, Map.copyOf(settings));
        }
    }

    /**
     * Components that already run elsewhere (a managed PostgreSQL, an Elasticsearch
     * cluster, a Keycloak): each one named here is used instead of starting the embedded
     * one.
     */
    public record External(@Nullable String jdbcUrl, @Nullable String r2dbcUrl, @Nullable String databaseUser,
            @Nullable String databasePassword, @Nullable String elasticsearchUrl, @Nullable String keycloakIssuerUri) {

        public static final External NONE = new External(null, null, null, null, null, null);

        public static External fromEnvironment(Map<String, String> env) {
            String jdbc = env.get("LAUNCHPAD_DB_JDBC_URL");
            String r2dbc = env.get("LAUNCHPAD_DB_R2DBC_URL");
            if ((jdbc == null) != (r2dbc == null)) {
                throw new IllegalStateException(
                        "Set both LAUNCHPAD_DB_JDBC_URL and LAUNCHPAD_DB_R2DBC_URL, or neither");
            }
            return new External(jdbc, r2dbc, env.getOrDefault("LAUNCHPAD_DB_USER", "postgres"),
                    env.getOrDefault("LAUNCHPAD_DB_PASSWORD", ""), env.get("ELASTICSEARCH_URL"),
                    env.get("KEYCLOAK_ISSUER_URI"));
        }

        boolean database() {
            return jdbcUrl != null;
        }

        boolean elasticsearch() {
            return elasticsearchUrl != null;
        }

        boolean keycloak() {
            return keycloakIssuerUri != null;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(LaunchpadStack.class);

    private final @Nullable Postgres postgres;

    private final @Nullable ElasticsearchServer elasticsearch;

    private final @Nullable KeycloakServer keycloak;

    private final @Nullable ElasticsearchCluster elasticsearchCluster;

    private final List<SpringBootProcess> apis;

    private final @Nullable LoadBalancer balancer;

    private final SpringBootProcess api;

    private final SpringBootProcess web;

    private final MailServer mail;

    private final DevMailbox mailbox;

    private final Map<String, String> componentUrls;

    private final long startMillis;

    private LaunchpadStack(@Nullable Postgres postgres, @Nullable ElasticsearchServer elasticsearch,
            @Nullable ElasticsearchCluster elasticsearchCluster, @Nullable KeycloakServer keycloak,
            List<SpringBootProcess> apis, @Nullable LoadBalancer balancer, SpringBootProcess web, MailServer mail,
            DevMailbox mailbox, Map<String, String> componentUrls, long startMillis) {
        this.postgres = postgres;
        this.elasticsearch = elasticsearch;
        this.elasticsearchCluster = elasticsearchCluster;
        this.keycloak = keycloak;
        this.apis = apis;
        this.balancer = balancer;
        this.api = apis.getFirst();
        this.web = web;
        this.mail = mail;
        this.mailbox = mailbox;
        this.componentUrls = componentUrls;
        this.startMillis = startMillis;
    }

    public static LaunchpadStack start(Options options) {
        long started = System.currentTimeMillis();
        Path apiJar = ProjectPaths.executableJar("marketplace-api");
        Path webJar = ProjectPaths.executableJar("web");
        External external = options.external();
        Path state = options.stateDir();
        Path logs = state.resolve("logs");
        int webPort = FreePorts.orFree(options.webPort());
        int apiPort = FreePorts.orFree(options.apiPort());
        // cluster mode: HAProxy takes the API port, the instances free ones behind it
        List<Integer> apiPorts = options.cluster() ? List.of(FreePorts.pick(), FreePorts.pick()) : List.of(apiPort);
        String webUrl = "http://127.0.0.1:" + webPort;
        List<AutoCloseable> startedSoFar = new ArrayList<>();
        try {
            Files.createDirectories(logs);
            // erasure deletes the person's Keycloak account through this client (issue
            // 12); its secret is
            // settled before either side starts, so Keycloak imports and the API sends
            // the same one
            String accountAdminSecret = external.keycloak() ? null
                    : KeycloakServer.accountAdminClientSecret(state.resolve("keycloak"));
            // Keycloak sends sign-up and password emails here too, so the mail server
            // starts before it (in ms)
            MailServer mail = MailServer.start(options.smtpPort());
            startedSoFar.add(mail);
            DevMailbox mailbox = DevMailbox.start(mail, options.mailboxPort());
            startedSoFar.add(mailbox);
            // Keycloak is the slowest to start: it goes first and in parallel with the
            // rest
            CompletableFuture<KeycloakServer> keycloak = external.keycloak() ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.supplyAsync(() -> KeycloakServer.start(state.resolve("keycloak"),
                            options.keycloakPort(), List.of(webUrl, "http://localhost:" + webPort), mail.smtpPort()));
            CompletableFuture<ElasticsearchServer> elasticsearch = external.elasticsearch() || options.cluster()
                    ? CompletableFuture.completedFuture(null) : CompletableFuture.supplyAsync(() -> ElasticsearchServer
                        .start(clean(state.resolve("elasticsearch"), options.clean()), options.elasticsearchPort()));
            CompletableFuture<ElasticsearchCluster> cluster = external.elasticsearch() || !options.cluster()
                    ? CompletableFuture.completedFuture(null) : CompletableFuture.supplyAsync(() -> ElasticsearchCluster
                        .start(clean(state.resolve("elasticsearch"), options.clean()), 3, options.elasticsearchPort()));
            Postgres postgres = external.database() ? null
                    : Postgres.start(state.resolve("postgres"), options.postgresPort(), options.clean());
            startedSoFar.add(postgres);
            ElasticsearchCluster esCluster = cluster.join();
            startedSoFar.add(esCluster);
            ElasticsearchServer es = esCluster != null ? esCluster.nodes().getFirst() : elasticsearch.join();
            if (esCluster == null) {
                startedSoFar.add(es);
            }
            // with a known Keycloak address the API can start before Keycloak is up: it
            // fetches keys lazily
            KeycloakServer kc = external.keycloak() || options.keycloakPort() > 0 ? null : keycloak.join();
            String issuer = external.keycloak() ? configured(external.keycloakIssuerUri()) : kc != null ? kc.issuerUri()
                    : "http://127.0.0.1:" + options.keycloakPort() + "/realms/" + KeycloakServer.REALM;
            String elasticsearchUrl = esCluster != null ? esCluster.httpUrls()
                    : es != null ? es.httpUrl() : configured(external.elasticsearchUrl());
            String jdbcUrl = postgres != null ? postgres.jdbcUrl() : configured(external.jdbcUrl());

            List<SpringBootProcess> apis = new ArrayList<>();
            for (int i = 0; i < apiPorts.size(); i++) {
                int port = apiPorts.get(i);
                // demo data from the first instance only: two loading at once would race
                // each other
                boolean demoData = options.demoData() && i == 0;
                String name = apiPorts.size() == 1 ? "marketplace-api" : "marketplace-api-" + (i + 1);
                Map<String, String> environment = new HashMap<>(Map.ofEntries(
                        Map.entry("SPRING_MAIL_HOST", "127.0.0.1"),
                        Map.entry("SPRING_MAIL_PORT", Integer.toString(mail.smtpPort())),
                        Map.entry("API_PORT", Integer.toString(port)),
                        // the API refuses to start without production secrets unless told
                        // it runs embedded
                        Map.entry("SPRING_PROFILES_ACTIVE", "embedded"),
                        Map.entry("LAUNCHPAD_DB_R2DBC_URL",
                                postgres != null ? postgres.r2dbcUrl() : configured(external.r2dbcUrl())),
                        Map.entry("LAUNCHPAD_DB_JDBC_URL", jdbcUrl),
                        Map.entry("LAUNCHPAD_DB_USER",
                                postgres != null ? postgres.username() : configured(external.databaseUser())),
                        Map.entry("LAUNCHPAD_DB_PASSWORD",
                                postgres != null ? postgres.password() : configured(external.databasePassword())),
                        Map.entry("KEYCLOAK_ISSUER_URI", issuer),
                        Map.entry("KEYCLOAK_BASE_URL", issuer.substring(0, issuer.indexOf("/realms/"))),
                        Map.entry("KEYCLOAK_ACCOUNT_ADMIN_SECRET",
                                accountAdminSecret == null
                                        ? System.getenv().getOrDefault("KEYCLOAK_ACCOUNT_ADMIN_SECRET", "")
                                        : accountAdminSecret),
                        Map.entry("ELASTICSEARCH_URL", elasticsearchUrl),
                        Map.entry("LAUNCHPAD_DEMO_DATA", Boolean.toString(demoData)),
                        // emailed links (notifications, unsubscribe) must lead to this
                        // stack's web and API ports
                        Map.entry("LAUNCHPAD_WEB_BASE_URL", webUrl),
                        Map.entry("LAUNCHPAD_API_BASE_URL", "http://127.0.0.1:" + apiPort)));
                environment.putAll(options.apiSettings());
                SpringBootProcess instance = SpringBootProcess.start(name, apiJar, environment, port,
                        logs.resolve(name + ".log"), "384m");
                apis.add(instance);
                startedSoFar.add(instance);
            }
            LoadBalancer balancer = options.cluster() ? LoadBalancer.start(state.resolve("haproxy"), apiPort, apiPorts)
                    : null;
            startedSoFar.add(balancer);
            String apiUrl = balancer != null ? balancer.baseUrl() : apis.getFirst().baseUrl();
            if (kc == null) {
                kc = keycloak.join();
            }
            startedSoFar.add(kc);
            // the web app reads Keycloak's discovery document at start-up
            SpringBootProcess web = SpringBootProcess.start("web", webJar, Map.of("WEB_PORT", Integer.toString(webPort),
                    "KEYCLOAK_ISSUER_URI", issuer, "LAUNCHPAD_API_BASE_URL", apiUrl), webPort, logs.resolve("web.log"),
                    "256m");
            startedSoFar.add(web);
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("Keycloak", issuer.substring(0, issuer.indexOf("/realms/")) + (kc == null ? " (external)" : ""));
            urls.put("Elasticsearch", elasticsearchUrl
                    + (es == null ? " (external)" : esCluster != null ? " (3-node cluster, 1 replica)" : ""));
            if (balancer != null) {
                urls.put("API instances", String.join(", ", apis.stream().map(SpringBootProcess::baseUrl).toList())
                        + " (behind HAProxy at " + balancer.baseUrl() + ")");
            }
            urls.put("PostgreSQL", jdbcUrl + (postgres == null ? " (external)" : ""));
            urls.put("Mail (SMTP)", "127.0.0.1:" + mail.smtpPort() + " (GreenMail; messages listed on Ctrl-C)");
            urls.put("Mailbox", mailbox.baseUrl() + "  (every email sent, readable in a browser)");
            return new LaunchpadStack(postgres, es, esCluster, kc, List.copyOf(apis), balancer, web, mail, mailbox,
                    urls, System.currentTimeMillis() - started);
        }
        catch (IOException e) {
            closeAll(startedSoFar);
            throw new UncheckedIOException(e);
        }
        catch (RuntimeException e) {
            closeAll(startedSoFar);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * A component this stack did not start is external, so its setting is there
     * ({@link External#fromEnvironment}).
     */
    private static String configured(@Nullable String setting) {
        return Objects.requireNonNull(setting, "a component that was not started here has no external setting");
    }

    private static Path clean(Path dir, boolean clean) {
        if (clean && Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            if (started.get(i) == null) {
                continue;
            }
            try {
                started.get(i).close();
            }
            catch (Exception e) {
                log.warn("could not stop a component: {}", e.toString());
            }
        }
    }

    public @Nullable Postgres postgres() {
        return postgres;
    }

    public @Nullable ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    public @Nullable KeycloakServer keycloak() {
        return keycloak;
    }

    /**
     * The (first) API instance; callers of the API use {@link #apiUrl()}, which is the
     * load balancer in cluster mode.
     */
    public SpringBootProcess api() {
        return api;
    }

    /** Every API instance: one, or two in cluster mode. */
    public List<SpringBootProcess> apis() {
        return apis;
    }

    /**
     * Where the API answers: the load balancer in cluster mode, the one instance
     * otherwise.
     */
    public String apiUrl() {
        return balancer != null ? balancer.baseUrl() : api.baseUrl();
    }

    /** The Elasticsearch cluster in cluster mode; null otherwise. */
    public @Nullable ElasticsearchCluster elasticsearchCluster() {
        return elasticsearchCluster;
    }

    public SpringBootProcess web() {
        return web;
    }

    /**
     * Keycloak, Elasticsearch and PostgreSQL addresses, marked where they are external.
     */
    public Map<String, String> componentUrls() {
        return componentUrls;
    }

    public MailServer mail() {
        return mail;
    }

    /**
     * The read-only web page of every email sent (sign-up, password reset,
     * notifications).
     */
    public DevMailbox mailbox() {
        return mailbox;
    }

    public long startMillis() {
        return startMillis;
    }

    /** Resident memory of each process, in MiB, read from /proc. */
    public Map<String, Long> residentMemoryMiB() {
        Map<String, Long> rss = new LinkedHashMap<>();
        if (postgres != null) {
            rss.put("postgresql", postgres.residentKib() / 1024);
        }
        if (elasticsearchCluster != null) {
            elasticsearchCluster.nodes()
                .forEach(node -> rss.put("elasticsearch :" + node.httpPort(), Rss.kib(node.pid()) / 1024));
        }
        else if (elasticsearch != null) {
            rss.put("elasticsearch", Rss.kib(elasticsearch.pid()) / 1024);
        }
        if (keycloak != null) {
            rss.put("keycloak", Rss.kib(keycloak.pid()) / 1024);
        }
        apis.forEach(instance -> rss.put(apis.size() == 1 ? "marketplace-api" : "marketplace-api :" + instance.port(),
                Rss.kib(instance.pid()) / 1024));
        rss.put("web", Rss.kib(web.pid()) / 1024);
        return rss;
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(Arrays.asList(mailbox, mail, postgres,
                elasticsearchCluster != null ? elasticsearchCluster : elasticsearch, keycloak));
        all.addAll(apis);
        all.add(balancer);
        all.add(web);
        closeAll(all);
    }

}
