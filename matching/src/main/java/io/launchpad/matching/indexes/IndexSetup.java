package io.launchpad.matching.indexes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.cluster.PutComponentTemplateRequest;
import co.elastic.clients.elasticsearch.indices.GetMappingResponse;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import io.launchpad.matching.Taxonomy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts the index templates and creates the versioned indexes behind their aliases. Runs
 * in the background from startup, retrying until Elasticsearch answers, so the app starts
 * (and accepts writes into the outbox) while Elasticsearch is down; readers and the
 * indexer wait for it through {@link #ready()}. Safe to run from several instances at
 * once: every step is idempotent.
 */
public final class IndexSetup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final ElasticsearchConnection elasticsearch;

    private final IndexNames names;

    private final EmbeddingModel model;

    /**
     * Aliases whose live index holds another model's vectors: meaning is off there until
     * a full reindex.
     */
    private final Set<String> otherModel = ConcurrentHashMap.newKeySet();

    private volatile boolean done;

    private volatile @Nullable Disposable background;

    public IndexSetup(ElasticsearchConnection elasticsearch, IndexNames names) {
        this(elasticsearch, names, EmbeddingModel.DEFAULT);
    }

    public IndexSetup(ElasticsearchConnection elasticsearch, IndexNames names, EmbeddingModel model) {
        this.elasticsearch = elasticsearch;
        this.names = names;
        this.model = model;
    }

    /**
     * Whether the vectors in {@code alias}'s live index come from the configured model.
     * False after the model was changed and before a full reindex rebuilt the index: a
     * query vector of one model compared with another model's vectors is noise, so
     * rankers then leave meaning out (keywords only).
     */
    public boolean vectorsComparable(String alias) {
        return !otherModel.contains(alias);
    }

    /**
     * True once {@link #ready()} has completed here, so {@link #vectorsComparable} is
     * known.
     */
    public boolean settled() {
        return done;
    }

    /**
     * A full reindex rebuilt {@code alias} from the current template: its vectors are
     * this model's.
     */
    public void rebuilt(String alias) {
        if (otherModel.remove(alias)) {
            log.atInfo()
                .addKeyValue("alias", alias)
                .addKeyValue("embeddingModel", model.id())
                .log("Index rebuilt with the configured embedding model; meaning counts again");
        }
    }

    /**
     * Completes once the aliases exist; fails (unavailable) when Elasticsearch cannot be
     * reached now.
     */
    public Mono<Void> ready() {
        return Mono.defer(() -> done ? Mono.empty() : apply().doOnSuccess(ignored -> {
            if (!done) {
                done = true;
                log.atInfo()
                    .addKeyValue("suppliers", names.suppliers())
                    .addKeyValue("challenges", names.challenges())
                    .log("Matching indexes ready");
            }
        }));
    }

    public void startInBackground() {
        background = ready()
            .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY)
                .maxBackoff(MAX_RETRY)
                .doBeforeRetry(signal -> log.atWarn()
                    .addKeyValue("attempt", signal.totalRetries() + 1)
                    .addKeyValue("error", ElasticsearchConnection.describe(signal.failure()))
                    .log("Matching indexes not set up yet, retrying")))
            .subscribe(null, error -> log.error("Matching indexes could not be set up", error));
    }

    private Mono<Void> apply() {
        return putTextAnalysis().then(putIndexTemplate(names.suppliers(), "suppliers-v1.json"))
            .then(putIndexTemplate(names.challenges(), "challenges-v1.json"))
            .then(createBehindAlias(names.suppliers()))
            .then(createBehindAlias(names.challenges()))
            .then(putIndexTemplate(names.candidates(), "candidates-v1.json"))
            .then(putIndexTemplate(names.boardRoles(), "board-roles-v1.json"))
            .then(createBehindAlias(names.candidates()))
            .then(createBehindAlias(names.boardRoles()))
            .then(bringUpToDate(names.suppliers(), "suppliers-v1.json",
                    List.of(new Field("passages"), new Field("passages", "v"), new Field("text_hash"))))
            .then(bringUpToDate(names.challenges(), "challenges-v1.json",
                    List.of(new Field("text_hash"), new Field("requirements"))))
            .then(bringUpToDate(names.candidates(), "candidates-v1.json", List.of()))
            .then(bringUpToDate(names.boardRoles(), "board-roles-v1.json", List.of()));
    }

    /**
     * A field a newer template brought: {@code inner}, when named, is a field inside the
     * nested object {@code name}.
     */
    private record Field(String name, @Nullable String inner) {

        Field(String name) {
            this(name, null);
        }

        /**
         * Whether {@code mapping} lacks it. An object the index lacks whole is put whole,
         * inner fields with it, so an inner field counts as present then.
         */
        boolean missingFrom(TypeMapping mapping) {
            Property object = mapping.properties().get(name);
            if (inner == null) {
                return object == null;
            }
            return object != null && object.isNested() && !object.nested().properties().containsKey(inner);
        }

    }

    /**
     * Reads the live index's mapping once: adds the fields it lacks, then says when it
     * was built from an older template.
     *
     * <p>
     * Adding a field is the one mapping change Elasticsearch makes in place: the outbox
     * keeps writing documents that carry it while the index awaits its full reindex,
     * instead of having them refused by the strict mapping. A field the index already has
     * is left as it is: its definition may differ from the template's in ways
     * Elasticsearch cannot change in place (schema 5's flat passage vectors over schema
     * 4's graph), and the index still answers with it until a reindex.
     */
    private Mono<Void> bringUpToDate(String alias, String file, List<Field> fields) {
        return elasticsearch
            .call("read the " + alias + " mapping", client -> client.indices().getMapping(get -> get.index(alias)))
            .flatMap(mappings -> {
                warnWhenOlder(alias, file, mappings);
                return Flux.fromIterable(fields)
                    .filter(field -> mappings.mappings()
                        .values()
                        .stream()
                        .anyMatch(index -> field.missingFrom(index.mappings())))
                    .concatMap(field -> putField(alias, file, field))
                    .then();
            });
    }

    /**
     * An index created from an older template keeps its mapping (Elasticsearch cannot
     * change it in place): it still answers, but without what the newer schema adds
     * (vectors, index-time synonyms) until a full reindex rebuilds it from the current
     * template. Says so, once per start.
     */
    private void warnWhenOlder(String alias, String file, GetMappingResponse mappings) {
        long wanted = schemaVersion(file);
        mappings.mappings().forEach((index, mapping) -> {
            var meta = mapping.mappings().meta();
            long live = meta == null || meta.get("schema_version") == null ? 0
                    : meta.get("schema_version").to(Long.class);
            // indexes from before models were recorded were all built with the
            // default model
            String built = meta == null || meta.get("embedding_model") == null ? EmbeddingModel.DEFAULT.id()
                    : meta.get("embedding_model").to(String.class);
            if (!built.equals(model.id())) {
                otherModel.add(alias);
                log.atError()
                    .addKeyValue("alias", alias)
                    .addKeyValue("index", index)
                    .addKeyValue("indexModel", built)
                    .addKeyValue("configuredModel", model.id())
                    .log("Index holds another embedding model's vectors: matching uses keywords only there until a full reindex (POST /api/v1/admin/reindex) rebuilds it");
            }
            else {
                otherModel.remove(alias);
            }
            if (live < wanted) {
                log.atWarn()
                    .addKeyValue("alias", alias)
                    .addKeyValue("index", index)
                    .addKeyValue("schemaVersion", live)
                    .addKeyValue("templateSchemaVersion", wanted)
                    .log("Index was built from an older template; run a full reindex (POST /api/v1/admin/reindex) to rebuild it");
            }
        });
    }

    /**
     * Puts the template's definition of {@code field}, or of only its inner field when
     * one is named.
     */
    private Mono<Void> putField(String alias, String file, Field wanted) {
        String field = wanted.name();
        String inner = wanted.inner();
        String properties;
        try (InputStream json = resource(file)) {
            var definition = (ObjectNode) ElasticsearchConnection.documentMapper()
                .readTree(json)
                .path("template")
                .path("mappings")
                .path("properties")
                .path(field);
            if (inner != null) {
                JsonNode only = definition.path("properties").path(inner);
                definition.putObject("properties").set(inner, only);
            }
            properties = "{\"properties\":{\"" + field + "\":" + definition + "}}";
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String added = inner == null ? field : field + "." + inner;
        return elasticsearch
            .call("add " + added + " to " + alias,
                    client -> client.indices()
                        .putMapping(put -> put.index(alias).withJson(new StringReader(properties))))
            .then();
    }

    static long schemaVersion(String file) {
        try (InputStream json = resource(file)) {
            var meta = ElasticsearchConnection.documentMapper()
                .readTree(json)
                .path("template")
                .path("mappings")
                .path("_meta");
            return meta.path("schema_version").asLong(0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Mono<Void> putTextAnalysis() {
        PutComponentTemplateRequest request = PutComponentTemplateRequest.of(template -> template
            // synonyms come from the taxonomy, so "mould" finds "condensation" without a
            // hand-kept list
            .withJson(TextAnalysis.template(Taxonomy.housing()))
            .name(names.textAnalysisComponent()));
        return elasticsearch
            .call("put the text analysis template", client -> client.cluster().putComponentTemplate(request))
            .then();
    }

    private Mono<Void> putIndexTemplate(String alias, String file) {
        // the JSON files hold no names: the prefix decides them, so test runs and
        // environments can share a cluster
        // the template records the embedding model, so an index says which model's
        // vectors it holds
        String json;
        try (InputStream in = resource(file)) {
            var tree = (ObjectNode) ElasticsearchConnection.documentMapper().readTree(in);
            ((ObjectNode) tree.path("template").path("mappings").path("_meta")).put("embedding_model", model.id());
            json = tree.toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PutIndexTemplateRequest request = PutIndexTemplateRequest
            .of(template -> template.withJson(new StringReader(json))
                .name(alias)
                .indexPatterns(alias + "-v*")
                .composedOf(names.textAnalysisComponent()));
        return elasticsearch
            .call("put the " + alias + " template", client -> client.indices().putIndexTemplate(request))
            .then();
    }

    /**
     * Creates the first index only when the alias points nowhere: after a reindex it
     * points at a newer one.
     */
    private Mono<Void> createBehindAlias(String alias) {
        String index = names.versioned(alias);
        return elasticsearch
            .call("look up " + alias, client -> client.indices().existsAlias(exists -> exists.name(alias)))
            .flatMap(
                    exists -> exists
                        .value() ? Mono.<Void>empty()
                                : elasticsearch
                                    .call("create " + index,
                                            client -> client.indices()
                                                .create(create -> create.index(index)
                                                    .aliases(alias, a -> a.isWriteIndex(true))))
                                    .then()
                                    .onErrorResume(IndexSetup::alreadyExists, already -> Mono.empty()));
    }

    private static boolean alreadyExists(Throwable error) {
        return error instanceof ElasticsearchException failure && failure.error() != null
                && "resource_already_exists_exception".equals(failure.error().type());
    }

    private static InputStream resource(String file) {
        try (InputStream json = IndexSetup.class.getResourceAsStream("/elasticsearch/" + file)) {
            if (json == null) {
                throw new IOException("missing classpath resource elasticsearch/" + file);
            }
            return new ByteArrayInputStream(json.readAllBytes());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Disposable running = background;
        if (running != null) {
            running.dispose();
        }
    }

}
