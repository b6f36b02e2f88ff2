package io.launchpad.matching.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.IndexLifecycle;
import io.launchpad.matching.Outbox;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.SupplierMatching;
import io.launchpad.matching.indexes.EmbeddingModel;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.indexes.Passages;
import io.launchpad.matching.indexes.IndexedDocuments;
import io.launchpad.matching.testing.Documents;
import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Vectors are stored beside the hash of their text, and a write of unchanged text takes
 * the vector from the live index instead of running the model: counted at the model
 * ({@link Embeddings#textsEmbedded}), against the real PostgreSQL (outbox) and
 * Elasticsearch.
 */
@Tag("real")
class ReindexReusesVectorsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RealComponents.TestDatabase db;

    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    private String prefix;

    private final Lists source = new Lists();

    static final class Lists implements SearchableSource {

        volatile List<SupplierDocument> suppliers = List.of();

        volatile List<ChallengeDocument> challenges = List.of();

        @Override
        public Flux<SupplierDocument> suppliers() {
            return Flux.fromIterable(suppliers);
        }

        @Override
        public Flux<ChallengeDocument> challenges() {
            return Flux.fromIterable(challenges);
        }

    }

    @BeforeEach
    void start() {
        db = RealComponents.freshDatabase();
        prefix = RealComponents.uniqueIndexPrefix();
    }

    @AfterEach
    void stop() {
        apps.forEach(ConfigurableApplicationContext::close);
        db.dispose();
    }

    private ConfigurableApplicationContext app(String model) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(MatchingApp.class)
            .web(WebApplicationType.NONE)
            .initializers(
                    context -> ((GenericApplicationContext) context).registerBean(SearchableSource.class, () -> source))
            .properties("spring.main.banner-mode=off", "spring.r2dbc.url=" + db.r2dbcUrl(),
                    "spring.r2dbc.username=" + db.username(), "spring.r2dbc.password=" + db.password(),
                    "launchpad.matching.elasticsearch-url=" + RealComponents.elasticsearchUrl(),
                    "launchpad.matching.index-prefix=" + prefix, "launchpad.matching.request-timeout=10s",
                    "launchpad.matching.indexer.poll-interval=100ms", "launchpad.matching.embedding-model=" + model,
                    "launchpad.matching.reindex-grace=100ms")
            .run();
        apps.add(app);
        return app;
    }

    private static List<SupplierDocument> profiles() {
        return IntStream.range(0, 40)
            .mapToObj(i -> Documents.supplier("Supplier " + i,
                    "We survey damp homes for landlords in area " + i + ". Our surveyors report within a week.",
                    "Condensation sensors for flats\nMould repairs in bathrooms " + i))
            .toList();
    }

    /**
     * Distinct texts the model must run for these profiles (one batch): each whole text
     * and each distinct passage.
     */
    private static long distinctTexts(List<SupplierDocument> profiles) {
        long wholes = profiles.stream().map(IndexedDocuments::supplierText).distinct().count();
        long passages = profiles.stream()
            .flatMap(p -> Passages.of(p).stream())
            .map(Passages.Passage::text)
            .distinct()
            .count();
        return wholes + passages;
    }

    @Test
    void aSecondReindexRunsTheModelOnlyForTextThatChanged() {
        ConfigurableApplicationContext app = app(EmbeddingModel.ALL_MINILM_L6_V2.id());
        Embeddings model = app.getBean(Embeddings.class);
        IndexLifecycle lifecycle = app.getBean(IndexLifecycle.class);
        List<SupplierDocument> profiles = profiles();
        ChallengeDocument challenge = Documents.challenge("Black mould in bathrooms", "damp homes",
                "sensors for condensation");
        source.suppliers = profiles;
        source.challenges = List.of(challenge);

        long before = model.textsEmbedded();
        lifecycle.reindex().block(Duration.ofMinutes(5));
        long first = model.textsEmbedded() - before;
        // 40 profiles fit one batch, whose passages shared by every profile run once;
        // plus the challenge
        assertThat(first).isEqualTo(distinctTexts(profiles) + 1);

        JsonNode stored = source(app, profiles.get(3).id());
        float[] storedPassage = floats(stored.path("passages").get(0).path("embedding"));

        before = model.textsEmbedded();
        lifecycle.reindex().block(Duration.ofMinutes(5));
        assertThat(model.textsEmbedded() - before).as("texts embedded by a reindex of unchanged profiles").isZero();
        JsonNode again = source(app, profiles.get(3).id());
        assertThat(again.path("text_hash").asString()).isEqualTo(stored.path("text_hash").asString()).isNotBlank();
        assertThat(floats(again.path("passages").get(0).path("embedding"))).containsExactly(storedPassage);

        // one capability of one profile rewritten: its whole text and that one passage
        // run, nothing else
        List<SupplierDocument> edited = new ArrayList<>(profiles);
        SupplierDocument old = profiles.get(3);
        edited.set(3, Documents.supplier(old.id(), 2, old.name(), old.summary(),
                "Condensation sensors for flats\nHeat pump installation in terraced homes"));
        source.suppliers = edited;
        before = model.textsEmbedded();
        lifecycle.reindex().block(Duration.ofMinutes(5));
        assertThat(model.textsEmbedded() - before).as("texts embedded after one capability changed").isEqualTo(2);

        JsonNode changed = source(app, old.id());
        assertThat(changed.path("text_hash").asString()).isNotEqualTo(stored.path("text_hash").asString());
        JsonNode heatPump = null;
        for (JsonNode passage : changed.path("passages")) {
            if (passage.path("text").asString().startsWith("Heat pump")) {
                heatPump = passage;
            }
        }
        assertThat(heatPump).isNotNull();
        float[] fresh = new Embeddings().embed("Heat pump installation in terraced homes", EmbeddingModel.Side.PASSAGE);
        assertThat(Embeddings.cosine(floats(heatPump.path("embedding")), fresh)).isGreaterThan(0.99);
        assertThat(heatPump.path("text_hash").asString())
            .isEqualTo(model.hash("Heat pump installation in terraced homes", EmbeddingModel.Side.PASSAGE));
    }

    @Test
    void anEditThroughTheOutboxReEmbedsOnlyWhatItChanged() {
        ConfigurableApplicationContext app = app(EmbeddingModel.ALL_MINILM_L6_V2.id());
        Embeddings model = app.getBean(Embeddings.class);
        Outbox outbox = app.getBean(Outbox.class);
        TransactionalOperator transactions = TransactionalOperator
            .create(app.getBean(ReactiveTransactionManager.class));
        SupplierDocument first = Documents.supplier(UUID.randomUUID(), 1, "Damp Sense",
                "We fit humidity sensors in social housing. Each sensor warns the landlord before mould grows.",
                "Humidity sensors\nCondensation alarms");
        transactions.transactional(outbox.supplierChanged(first)).block();
        await().atMost(Duration.ofSeconds(60)).until(() -> version(app, first.id()) == 1);
        // previous vectors are read by a search, which sees what was refreshed (within a
        // second)
        post("/" + app.getBean(IndexNames.class).suppliers() + "/_refresh");

        SupplierDocument second = Documents.supplier(first.id(), 2, first.name(), first.summary(),
                "Humidity sensors\nCondensation alarms\nVentilation fans");
        long before = model.textsEmbedded();
        transactions.transactional(outbox.supplierChanged(second)).block();
        await().atMost(Duration.ofSeconds(60)).until(() -> version(app, first.id()) == 2);
        // the whole text changed and one passage is new; both summary sentences and two
        // capabilities are reused
        assertThat(model.textsEmbedded() - before).isEqualTo(2);
    }

    @Test
    void anotherModelReEmbedsEverythingAndMeaningWaitsForTheReindex() {
        ConfigurableApplicationContext minilm = app(EmbeddingModel.ALL_MINILM_L6_V2.id());
        List<SupplierDocument> profiles = profiles().subList(0, 5);
        source.suppliers = profiles;
        minilm.getBean(IndexLifecycle.class).reindex().block(Duration.ofMinutes(5));
        minilm.close();
        apps.remove(minilm);

        ConfigurableApplicationContext bge = app(EmbeddingModel.BGE_SMALL_EN_V15.id());
        IndexSetup setup = bge.getBean(IndexSetup.class);
        IndexNames names = bge.getBean(IndexNames.class);
        setup.ready().block(Duration.ofSeconds(60));
        assertThat(setup.vectorsComparable(names.suppliers())).as("MiniLM vectors under a bge configuration").isFalse();
        // keywords still answer meanwhile
        assertThat(bge.getBean(SupplierMatching.class)
            .suppliersFor(Documents.challenge("Mould repairs", "bathrooms", null), 10)
            .block(Duration.ofSeconds(30))).isNotEmpty();

        Embeddings model = bge.getBean(Embeddings.class);
        long before = model.textsEmbedded();
        bge.getBean(IndexLifecycle.class).reindex().block(Duration.ofMinutes(5));
        // every text runs again: the MiniLM index's hashes name MiniLM vectors (no
        // challenge in the source this time)
        assertThat(model.textsEmbedded() - before).as("no MiniLM vector reused for bge")
            .isEqualTo(distinctTexts(profiles));
        assertThat(setup.vectorsComparable(names.suppliers())).isTrue();
        assertThat(mapping(bge, names.suppliers())).contains("\"embedding_model\":\"bge-small-en-v1.5-q\"");
    }

    // ---- helpers

    private static JsonNode source(ConfigurableApplicationContext app, UUID id) {
        String alias = app.getBean(IndexNames.class).suppliers();
        String body = get("/" + alias + "/_doc/" + id + "?_source_exclude_vectors=false");
        return JSON.readTree(body).path("_source");
    }

    private static long version(ConfigurableApplicationContext app, UUID id) {
        String alias = app.getBean(IndexNames.class).suppliers();
        JsonNode found = JSON.readTree(get("/" + alias + "/_doc/" + id));
        return found.path("found").asBoolean() ? found.path("_source").path("version").asLong() : 0;
    }

    private static String mapping(ConfigurableApplicationContext app, String alias) {
        return get("/" + alias + "/_mapping");
    }

    private static float[] floats(JsonNode array) {
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = array.get(i).floatValue();
        }
        return vector;
    }

    private static void post(String path) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(RealComponents.elasticsearchUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(RealComponents.elasticsearchUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
