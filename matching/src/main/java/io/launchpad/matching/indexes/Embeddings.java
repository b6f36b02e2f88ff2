package io.launchpad.matching.indexes;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions, unit length), computed in-process on the
 * CPU from the ONNX model inside the langchain4j jar: nothing is downloaded at run time. The model
 * loads once per JVM (about a second) on first use and is shared: ONNX Runtime sessions are
 * thread-safe. Calls block on CPU work, so reactive callers run them on a bounded elastic scheduler.
 */
public final class Embeddings {

    public static final int DIMENSIONS = 384;
    /**
     * The model reads 256 word pieces at most; text beyond that would be split and averaged, at the
     * cost of several model runs. The opening of a profile (name, summary, capabilities) says what it
     * is about, so longer text is cut here instead of paying for every window.
     */
    static final int MAX_CHARACTERS = 1_200;

    private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

    private static final class Model {
        static final EmbeddingModel INSTANCE = load();

        private static EmbeddingModel load() {
            long started = System.nanoTime();
            EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
            log.atInfo().addKeyValue("model", "all-MiniLM-L6-v2").addKeyValue("millis", (System.nanoTime() - started) / 1_000_000)
                    .log("Embedding model loaded");
            return model;
        }
    }

    /** The embedding of {@code text}, or null when there is no text (missing data has no meaning to compare). */
    public float[] embed(String text) {
        String cut = prepare(text);
        return cut == null ? null : Model.INSTANCE.embed(cut).content().vector();
    }

    /** One model call for the whole batch (much cheaper per text than one by one); nulls for blank texts. */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String cut = prepare(texts.get(i));
            if (cut != null) {
                segments.add(TextSegment.from(cut));
                positions.add(i);
            }
        }
        List<float[]> vectors = new ArrayList<>(java.util.Collections.nCopies(texts.size(), (float[]) null));
        if (!segments.isEmpty()) {
            List<Embedding> embedded = Model.INSTANCE.embedAll(segments).content();
            for (int i = 0; i < embedded.size(); i++) {
                vectors.set(positions.get(i), embedded.get(i).vector());
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
