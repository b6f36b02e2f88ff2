package io.launchpad.matching.indexes;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.launchpad.matching.MatchingUnavailableException;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import io.launchpad.matching.MatchingProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The one way matching talks to Elasticsearch: every call is bounded by the request
 * timeout, and every failure that means "try again later" becomes a
 * {@link MatchingUnavailableException}.
 */
public final class ElasticsearchConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchConnection.class);

    private final Rest5Client restClient;

    private final ElasticsearchAsyncClient client;

    private final Duration requestTimeout;

    public ElasticsearchConnection(URI url, Duration requestTimeout) {
        this(List.of(url), requestTimeout);
    }

    /**
     * Several nodes of one cluster: requests go round them, and a node that fails is
     * skipped for a while.
     */
    public ElasticsearchConnection(List<URI> nodes, Duration requestTimeout) {
        this(nodes, requestTimeout, new MatchingProperties.Security("", "", ""));
    }

    /**
     * A secured cluster: basic authentication and, for HTTPS, the CA that signed the
     * nodes' certificates.
     */
    public ElasticsearchConnection(List<URI> nodes, Duration requestTimeout, MatchingProperties.Security security) {
        this.requestTimeout = requestTimeout;
        Timeout timeout = Timeout.ofMilliseconds(requestTimeout.toMillis());
        // connecting to a node that is down must fail fast, not use up the whole request
        // budget
        Timeout connectTimeout = Timeout.ofMilliseconds(Math.min(1000, requestTimeout.toMillis()));
        var builder = Rest5Client.builder(nodes.toArray(URI[]::new))
            .setConnectionConfigCallback(
                    connection -> connection.setConnectTimeout(connectTimeout).setSocketTimeout(timeout))
            .setRequestConfigCallback(
                    request -> request.setConnectionRequestTimeout(timeout).setResponseTimeout(timeout));
        if (security.authenticates()) {
            String basic = Base64.getEncoder()
                .encodeToString((security.username() + ":" + security.password()).getBytes(StandardCharsets.UTF_8));
            builder.setDefaultHeaders(new Header[] { new BasicHeader("Authorization", "Basic " + basic) });
        }
        if (!security.caCertificate().isBlank()) {
            builder.setSSLContext(ClusterCertificates.trusting(Path.of(security.caCertificate())));
        }
        this.restClient = builder.build();
        this.client = new ElasticsearchAsyncClient(
                new Rest5ClientTransport(restClient, new Jackson3JsonpMapper(documentMapper())));
    }

    /**
     * Index documents are snake case records with ISO-8601 dates, matching the templates'
     * field names.
     */
    public static JsonMapper documentMapper() {
        return JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    }

    /**
     * The client itself, for helpers that run many requests of their own (the reindex's
     * {@code BulkIngester}); ordinary calls go through {@link #call}.
     */
    public ElasticsearchAsyncClient client() {
        return client;
    }

    /** Runs one call; {@code what} names it in errors and logs. */
    public <T> Mono<T> call(String what, Function<ElasticsearchAsyncClient, CompletableFuture<T>> request) {
        return Mono.fromFuture(() -> request.apply(client))
            .timeout(requestTimeout.plusMillis(250))
            .onErrorMap(error -> unavailable(error) ? new MatchingUnavailableException(
                    "Elasticsearch could not " + what + ": " + describe(error), error) : error);
    }

    /**
     * Connection problems, timeouts, overload and missing indexes pass with time; bad
     * requests do not.
     */
    static boolean unavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MatchingUnavailableException || cause instanceof TimeoutException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof ElasticsearchException failure) {
                int status = failure.status();
                String type = failure.error() == null ? null : failure.error().type();
                return status >= 500 || status == 429 || "index_not_found_exception".equals(type);
            }
        }
        return false;
    }

    /** One line for logs and the outbox's last_error: what failed and the root cause. */
    public static String describe(Throwable error) {
        if (error instanceof MatchingUnavailableException) {
            return Objects.requireNonNullElse(error.getMessage(), error.toString());
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error.getClass().getSimpleName() + " caused by " + root;
    }

    @Override
    public void close() {
        try {
            restClient.close();
        }
        catch (IOException e) {
            log.warn("Elasticsearch client did not close cleanly: {}", e.toString());
        }
    }

}
