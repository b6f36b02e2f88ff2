package io.launchpad.infra.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Several Elasticsearch nodes forming one cluster on this machine (cluster mode, issue
 * 13): each node in its own JVM and folder, all master-eligible and holding data, finding
 * each other through their transport ports. With three nodes the indexes'
 * {@code auto_expand_replicas: 0-1} gives every shard a replica, so the cluster keeps
 * answering, with all its data, when one node dies.
 */
public final class ElasticsearchCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchCluster.class);

    private static final String HEAP = "512m";

    private final List<ElasticsearchServer> nodes;

    private ElasticsearchCluster(List<ElasticsearchServer> nodes) {
        this.nodes = nodes;
    }

    /**
     * Starts {@code size} nodes in {@code home}/node-1.. (kept between starts); HTTP on
     * {@code firstHttpPort}, +1, ... (0: free ports). Returns once the cluster has formed
     * and is yellow or green.
     */
    public static ElasticsearchCluster start(Path home, int size, int firstHttpPort) {
        long started = System.nanoTime();
        List<Integer> httpPorts = IntStream.range(0, size)
            .mapToObj(i -> firstHttpPort > 0 ? firstHttpPort + i : FreePorts.pick())
            .toList();
        List<Integer> transportPorts = IntStream.range(0, size).mapToObj(i -> FreePorts.pick()).toList();
        String seeds = String.join(",", transportPorts.stream().map(port -> "127.0.0.1:" + port).toList());
        String masters = String.join(",",
                IntStream.rangeClosed(1, size).mapToObj(ElasticsearchCluster::nodeName).toList());
        // a node of a forming cluster is ready only once a majority has joined: start
        // them side by side, each
        // on a thread of its own (the common pool may have a single worker on a small
        // machine)
        ExecutorService threads = Executors.newFixedThreadPool(size);
        List<CompletableFuture<ElasticsearchServer>> starting = IntStream.range(0, size)
            .mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> ElasticsearchServer.start(home.resolve("node-" + (i + 1)).toAbsolutePath().normalize(),
                            httpPorts.get(i), transportPorts.get(i),
                            List.of("node.name=" + nodeName(i + 1), "discovery.type=multi-node",
                                    "discovery.seed_hosts=" + seeds,
                                    // read only when the cluster first forms; ignored
                                    // once its state exists on disk
                                    "cluster.initial_master_nodes=" + masters),
                            HEAP),
                    threads))
            .toList();
        List<ElasticsearchServer> nodes = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<ElasticsearchServer> node : starting) {
            try {
                nodes.add(node.join());
            }
            catch (CompletionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException cause ? cause
                        : new IllegalStateException(e.getCause());
            }
        }
        threads.shutdown();
        if (failure != null) {
            nodes.forEach(ElasticsearchServer::close);
            throw failure;
        }
        log.info("Elasticsearch cluster of {} nodes ready at {} in {} s", size, httpUrls(nodes),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return new ElasticsearchCluster(nodes);
    }

    private static String nodeName(int number) {
        return "launchpad-es-" + number;
    }

    private static String httpUrls(List<ElasticsearchServer> nodes) {
        return String.join(",", nodes.stream().map(ElasticsearchServer::httpUrl).toList());
    }

    /**
     * Every node's HTTP address, comma separated, as {@code ELASTICSEARCH_URL} takes
     * them.
     */
    public String httpUrls() {
        return httpUrls(nodes);
    }

    public List<ElasticsearchServer> nodes() {
        return nodes;
    }

    @Override
    public void close() {
        nodes.forEach(ElasticsearchServer::close);
    }

}
