package io.launchpad.infra.esnode;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Runs one real Elasticsearch node in this JVM, from the jars Maven Central publishes,
 * for development and tests. Started by
 * {@code io.launchpad.infra.stack.ElasticsearchServer} with {@code lib/*} of the
 * distribution folder as classpath; usage in {@link NodeOptions}.
 *
 * <p>
 * This drives Elasticsearch's internal bootstrap API ({@link Node},
 * {@link PluginsLoader}, {@link LogConfigurator}), which changes between versions: the
 * version is pinned in the parent pom.
 */
public final class ElasticsearchNodeMain {

    private ElasticsearchNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        NodeOptions options = NodeOptions.parse(args);
        options.parentPid().ifPresent(ParentProcessWatch::exitWhenGone);
        NodeHome home = NodeHome.prepare(options.home(), distribution());

        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings(options, home), Map.of(),
                home.config(), () -> "launchpad-es");
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(environment.settings()));
        LogConfigurator.configure(environment, true);

        PluginsLoader plugins = PluginsLoader.createPluginsLoader(
                PluginsLoader.loadModulesBundles(environment.modulesDir(), false),
                PluginsLoader.loadPluginsBundles(environment.pluginsDir(), false), Map.of(), false);
        Node node = new Node(environment, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node, stopped), "launchpad-es-shutdown"));
        try {
            node.start();
        }
        catch (Exception | Error e) {
            e.printStackTrace();
            // Elasticsearch's non-daemon threads would otherwise keep a half-started node
            // alive
            System.exit(1);
        }
        System.out.println("Launchpad Elasticsearch node started: http://127.0.0.1:" + options.httpPort() + " pid "
                + ProcessHandle.current().pid());
        // the node's own threads are not guaranteed to keep the JVM alive
        stopped.await();
    }

    private static Settings settings(NodeOptions options, NodeHome home) {
        return Settings.builder()
            .put("path.home", home.root().toString())
            .put("path.data", home.data().toString())
            .put("path.logs", home.logs().toString())
            .put("cluster.name", "launchpad")
            .put("node.name", "launchpad-es")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", options.httpPort())
            .put("transport.port", options.transportPort())
            // tests run on nearly full disks too; a read-only index there is noise, not
            // protection
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put(Settings.builder().loadFromMap(options.extraSettings()).build())
            .build();
    }

    private static void close(Node node, CountDownLatch stopped) {
        try {
            node.prepareForClose();
            node.close();
            node.awaitClose(20, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            e.printStackTrace();
        }
        finally {
            stopped.countDown();
        }
    }

    /** The distribution folder holding this launcher's jar in {@code lib/}. */
    private static Path distribution() throws URISyntaxException {
        Path jar = Path.of(ElasticsearchNodeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = Objects.requireNonNull(jar.getParent(), "the jar's path names the folder it is in");
        return Objects.requireNonNull(lib.getParent(), "lib/ is a folder of the distribution");
    }

}
