package io.launchpad.matching.indexes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions, unit length), computed in-process on the
 * CPU from the int8-quantised ONNX model in the langchain4j model jar: nothing is downloaded at run
 * time. The quantised model gives vectors within cosine 0.99 of the full one at about twice the speed
 * (docs/decisions.md). The model loads once per JVM (about a second) on first use and is shared:
 * ONNX Runtime sessions are thread-safe. Calls block on CPU work, so reactive callers run them on a
 * bounded elastic scheduler.
 */
public final class Embeddings {

    public static final int DIMENSIONS = 384;
    /**
     * all-MiniLM-L6-v2 was trained on 128 word pieces; the opening of a profile or a challenge (name,
     * summary, capabilities; title, summary) says what it is about, and a shorter input is the largest
     * saving in model time.
     */
    static final int MAX_TOKENS = 128;
    /** 128 word pieces are rarely more than 1,000 characters; cutting first keeps tokenising huge texts cheap. */
    static final int MAX_CHARACTERS = 2_000;
    static final int BATCH_SIZE = 16;

    private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

    private static final class Model {
        static final MiniLmEncoder INSTANCE = load();

        private static MiniLmEncoder load() {
            long started = System.nanoTime();
            int threads = Runtime.getRuntime().availableProcessors();
            MiniLmEncoder model = new MiniLmEncoder(MAX_TOKENS, BATCH_SIZE, threads);
            log.atInfo().addKeyValue("model", "all-MiniLM-L6-v2 (int8)").addKeyValue("maxTokens", MAX_TOKENS)
                    .addKeyValue("threads", threads).addKeyValue("millis", (System.nanoTime() - started) / 1_000_000)
                    .log("Embedding model loaded");
            return model;
        }
    }

    /** The embedding of {@code text}, or null when there is no text (missing data has no meaning to compare). */
    public float[] embed(String text) {
        String cut = prepare(text);
        return cut == null ? null : Model.INSTANCE.encode(List.of(cut))[0];
    }

    /** Batched model runs for the whole list (much cheaper per text than one by one); nulls for blank texts. */
    public List<float[]> embedAll(List<String> texts) {
        List<String> present = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String cut = prepare(texts.get(i));
            if (cut != null) {
                present.add(cut);
                positions.add(i);
            }
        }
        List<float[]> vectors = new ArrayList<>(Collections.nCopies(texts.size(), (float[]) null));
        if (!present.isEmpty()) {
            float[][] embedded = Model.INSTANCE.encode(present);
            for (int i = 0; i < embedded.length; i++) {
                vectors.set(positions.get(i), embedded[i]);
            }
        }
        return vectors;
    }

    /** Cosine similarity of two unit vectors (their dot product); 0 when either is missing. */
    public static double cosine(float[] a, float[] b) {
        if (a == null || b == null || a.length != b.length) {
            return 0;
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static String prepare(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.length() > MAX_CHARACTERS ? trimmed.substring(0, MAX_CHARACTERS) : trimmed;
    }
}
