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
 * (docs/decisions.md). A text longer than one window is embedded window by window and averaged. The model loads once per JVM (about a second) on first use and is shared:
 * ONNX Runtime sessions are thread-safe. Calls block on CPU work, so reactive callers run them on a
 * bounded elastic scheduler.
 */
public final class Embeddings {

    public static final int DIMENSIONS = 384;
    /** The most word pieces the model reads at once (sentence-transformers' limit for this model). */
    static final int MAX_TOKENS = 256;
    static final int BATCH_SIZE = 16;
    /**
     * About 200 word pieces: a window the model reads whole. Up to four windows per text: a profile's
     * later case studies count, a 100-page attachment does not cost 100 model runs.
     */
    static final int WINDOW_CHARACTERS = 900;
    static final int MAX_WINDOWS = 4;

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
        return embedAll(java.util.Arrays.asList(text)).getFirst();
    }

    /**
     * Batched model runs for the whole list (much cheaper per text than one by one); nulls for blank
     * texts. A text longer than one window is cut into windows at word boundaries, each embedded, and
     * their vectors averaged by length, so a long profile is represented by all of it, not its opening.
     */
    public List<float[]> embedAll(List<String> texts) {
        List<String> windows = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            for (String window : windows(texts.get(i))) {
                windows.add(window);
                owners.add(i);
            }
        }
        List<float[]> vectors = new ArrayList<>(Collections.nCopies(texts.size(), (float[]) null));
        if (windows.isEmpty()) {
            return vectors;
        }
        float[][] embedded = Model.INSTANCE.encode(windows);
        float[][] sums = new float[texts.size()][];
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
        for (int i = 0; i < sums.length; i++) {
            if (sums[i] != null) {
                vectors.set(i, unit(sums[i]));
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
}
