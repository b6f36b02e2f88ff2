package io.launchpad.matching.indexes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sentence embeddings (384 dimensions, unit length) from the configured
 * {@link EmbeddingModel}, computed in-process on the CPU from the int8-quantised ONNX
 * model in its langchain4j model jar: nothing is downloaded at run time. The quantised
 * models give vectors within cosine 0.99 of the full ones at about twice the speed
 * (docs/decisions.md). A text longer than one window is embedded window by window and
 * averaged. Each model loads once per JVM (about a second) on first use and is shared:
 * ONNX Runtime sessions are thread-safe. Calls block on CPU work, so reactive callers run
 * them on a bounded elastic scheduler.
 *
 * <p>
 * A text's vector depends on the model, on which side of a search it is
 * ({@link EmbeddingModel.Side}) and on the text: {@link #hash} names exactly that, so a
 * vector stored beside its hash can be reused instead of running the model again
 * ({@link KnownVectors}).
 */
public final class Embeddings {

    public static final int DIMENSIONS = 384;

    /**
     * The most word pieces the model reads at once (sentence-transformers' limit for
     * MiniLM; bge and e5 read 512).
     */
    static final int MAX_TOKENS = 256;
    static final int BATCH_SIZE = 16;

    /**
     * About 200 word pieces: a window the model reads whole. Up to four windows per text:
     * a profile's later case studies count, a 100-page attachment does not cost 100 model
     * runs.
     */
    static final int WINDOW_CHARACTERS = 900;
    static final int MAX_WINDOWS = 4;

    private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

    private static final Map<String, OnnxEncoder> LOADED = new ConcurrentHashMap<>();

    private final EmbeddingModel model;

    private final AtomicLong textsEmbedded = new AtomicLong();

    /** The default model ({@link EmbeddingModel#DEFAULT}). */
    public Embeddings() {
        this(EmbeddingModel.DEFAULT);
    }

    public Embeddings(EmbeddingModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public EmbeddingModel model() {
        return model;
    }

    /**
     * Texts this instance ran through the model so far (vectors reused from a hash are
     * not counted).
     */
    public long textsEmbedded() {
        return textsEmbedded.get();
    }

    private OnnxEncoder encoder() {
        return LOADED.computeIfAbsent(model.id(), id -> {
            long started = System.nanoTime();
            int threads = Runtime.getRuntime().availableProcessors();
            OnnxEncoder encoder = new OnnxEncoder(model, MAX_TOKENS, BATCH_SIZE, threads);
            log.atInfo()
                .addKeyValue("model", model.id())
                .addKeyValue("pooling", model.pooling())
                .addKeyValue("maxTokens", MAX_TOKENS)
                .addKeyValue("threads", threads)
                .addKeyValue("millis", (System.nanoTime() - started) / 1_000_000)
                .log("Embedding model loaded");
            return encoder;
        });
    }

    /**
     * Names the vector of {@code text} on {@code side} under this model: 128 bits of
     * SHA-256 over the model id, the side and the text, base64. Null for a blank text (it
     * has no vector).
     */
    public @Nullable String hash(@Nullable String text, EmbeddingModel.Side side) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((model.id() + "\n" + side + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] full = digest.digest(text.strip().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The query-side embedding of {@code text}, or null when there is no text (missing
     * data has no meaning to compare).
     */
    public float @Nullable [] embed(@Nullable String text) {
        return embed(text, EmbeddingModel.Side.QUERY);
    }

    public float @Nullable [] embed(@Nullable String text, EmbeddingModel.Side side) {
        return embedAll(Arrays.asList(text), side).getFirst();
    }

    /**
     * Batched model runs for the whole list (much cheaper per text than one by one);
     * nulls for blank texts. A text longer than one window is cut into windows at word
     * boundaries, each embedded, and their vectors averaged by length, so a long profile
     * is represented by all of it, not its opening.
     */
    public List<float[]> embedAll(List<String> texts, EmbeddingModel.Side side) {
        return embedAll(texts, side, KnownVectors.NONE);
    }

    /**
     * As {@link #embedAll(List, EmbeddingModel.Side)}, but a text whose {@link #hash}
     * {@code known} holds takes that vector instead of a model run; the same text twice
     * in the list runs once.
     */
    public List<float[]> embedAll(List<String> texts, EmbeddingModel.Side side, KnownVectors known) {
        List<float[]> vectors = new ArrayList<>(Collections.nCopies(texts.size(), (float[]) null));
        Map<String, List<Integer>> toEmbed = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String hash = hash(texts.get(i), side);
            if (hash == null) {
                continue;
            }
            float[] reused = known.vector(hash);
            if (reused != null && reused.length == DIMENSIONS) {
                vectors.set(i, reused);
            }
            else {
                toEmbed.computeIfAbsent(hash, h -> new ArrayList<>()).add(i);
            }
        }
        if (toEmbed.isEmpty()) {
            return vectors;
        }
        List<String> windows = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<List<Integer>> targets = new ArrayList<>(toEmbed.values());
        for (int t = 0; t < targets.size(); t++) {
            for (String window : windows(texts.get(targets.get(t).getFirst()))) {
                windows.add(model.prefixed(window, side));
                owners.add(t);
            }
        }
        textsEmbedded.addAndGet(targets.size());
        float[][] embedded = encoder().encode(windows);
        float[][] sums = new float[targets.size()][];
        for (int w = 0; w < embedded.length; w++) {
            int owner = owners.get(w);
            float weight = windows.get(w).length();
            if (sums[owner] == null) {
                sums[owner] = new float[embedded[w].length];
            }
            for (int d = 0; d < embedded[w].length; d++) {
                sums[owner][d] += weight * embedded[w][d];
            }
        }
        for (int t = 0; t < targets.size(); t++) {
            if (sums[t] != null) {
                float[] vector = unit(sums[t]);
                targets.get(t).forEach(i -> vectors.set(i, vector));
            }
        }
        return vectors;
    }

    static List<String> windows(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String rest = text.strip();
        List<String> windows = new ArrayList<>();
        while (!rest.isEmpty() && windows.size() < MAX_WINDOWS) {
            if (rest.length() <= WINDOW_CHARACTERS) {
                windows.add(rest);
                break;
            }
            int cut = rest.lastIndexOf(' ', WINDOW_CHARACTERS);
            cut = cut <= WINDOW_CHARACTERS / 2 ? WINDOW_CHARACTERS : cut;
            windows.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return windows;
    }

    /**
     * A vector as Elasticsearch returns it in {@code _source} (a JSON array of numbers),
     * as the model's array.
     */
    public static float[] vector(List<Float> values) {
        float[] vector = new float[values.size()];
        for (int d = 0; d < vector.length; d++) {
            vector[d] = values.get(d);
        }
        return vector;
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < vector.length; d++) {
            vector[d] *= scale;
        }
        return vector;
    }

    /**
     * Cosine similarity, as Elasticsearch's {@code cosine}: normalised here, so a vector
     * read back rounded ({@link CompactVector}) or stored by an older build compares as a
     * unit vector would; 0 when either is missing or zero.
     */
    public static double cosine(float @Nullable [] a, float @Nullable [] b) {
        if (a == null || b == null || a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
            normA += a[d] * a[d];
            normB += b[d] * b[d];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

}
