package io.launchpad.matching.indexes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Runs an int8-quantised sentence-embedding ONNX model ({@link EmbeddingModel}) on
 * batches of texts: the model's pooling (mean over the attention mask, or the [CLS]
 * token) and unit length, as sentence-transformers does. One model run per batch instead
 * of one per text is what makes a full reindex fast on two cores; texts are sorted by
 * length first so a batch pads to similar lengths.
 */
final class OnnxEncoder {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

    private final OrtSession session;

    private final HuggingFaceTokenizer tokenizer;

    private final boolean wantsTokenTypes;

    private final int batchSize;

    private final EmbeddingModel.Pooling pooling;

    /**
     * @param maxTokens word pieces read per text; longer texts are cut (the model was
     * trained on 128)
     * @param batchSize texts per model run
     * @param threads ONNX Runtime threads used inside one model run
     */
    OnnxEncoder(EmbeddingModel model, int maxTokens, int batchSize, int threads) {
        this.batchSize = batchSize;
        this.pooling = model.pooling();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream tokens = resource(model.tokenizer())) {
            options.setIntraOpNumThreads(threads);
            // the cores are shared with Elasticsearch and request threads: a model thread
            // waiting for its
            // peer must sleep, not spin, or a descheduled peer stalls the whole run
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            byte[] weights;
            try (InputStream in = resource(model.onnx())) {
                weights = in.readAllBytes();
            }
            this.session = environment.createSession(weights, options);
            this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokens,
                    Map.of("maxLength", Integer.toString(maxTokens), "truncation", "true", "padding", "true"));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model", e);
        }
        catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model", e);
        }
    }

    /** One unit vector per text, in the texts' order; no text may be blank. */
    float[][] encode(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        Integer[] order = IntStream.range(0, texts.size())
            .boxed()
            .sorted(Comparator.comparingInt(i -> texts.get(i).length()))
            .toArray(Integer[]::new);
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            String[] batch = new String[to - from];
            for (int i = from; i < to; i++) {
                batch[i - from] = texts.get(order[i]);
            }
            float[][] encoded = run(batch);
            for (int i = from; i < to; i++) {
                vectors[order[i]] = encoded[i - from];
            }
        }
        return vectors;
    }

    private float[][] run(String[] texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int rows = encodings.length;
        int width = encodings[0].getIds().length;
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        long[] types = new long[rows * width];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(encodings[row].getIds(), 0, ids, row * width, width);
            System.arraycopy(encodings[row].getAttentionMask(), 0, mask, row * width, width);
            System.arraycopy(encodings[row].getTypeIds(), 0, types, row * width, width);
        }
        long[] shape = { rows, width };
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int dimensions = (int) (hidden.remaining() / ((long) rows * width));
                return pooling == EmbeddingModel.Pooling.CLS ? firstToken(hidden, rows, width, dimensions)
                        : meanPooled(hidden, mask, rows, width, dimensions);
            }
        }
        catch (OrtException e) {
            throw new IllegalStateException("The embedding model failed", e);
        }
        finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The average of the real (unpadded) tokens' vectors, scaled to unit length. */
    private static float[][] meanPooled(FloatBuffer hidden, long[] mask, int rows, int width, int dimensions) {
        float[][] pooled = new float[rows][dimensions];
        for (int row = 0; row < rows; row++) {
            float[] sum = pooled[row];
            int tokens = 0;
            for (int token = 0; token < width; token++) {
                if (mask[row * width + token] == 0) {
                    continue;
                }
                tokens++;
                int offset = (row * width + token) * dimensions;
                for (int d = 0; d < dimensions; d++) {
                    sum[d] += hidden.get(offset + d);
                }
            }
            double norm = 0;
            for (int d = 0; d < dimensions; d++) {
                sum[d] /= Math.max(1, tokens);
                norm += sum[d] * sum[d];
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dimensions; d++) {
                sum[d] *= scale;
            }
        }
        return pooled;
    }

    /** The first token's ([CLS]) vector, scaled to unit length. */
    private static float[][] firstToken(FloatBuffer hidden, int rows, int width, int dimensions) {
        float[][] pooled = new float[rows][dimensions];
        for (int row = 0; row < rows; row++) {
            int offset = row * width * dimensions;
            double norm = 0;
            for (int d = 0; d < dimensions; d++) {
                pooled[row][d] = hidden.get(offset + d);
                norm += pooled[row][d] * pooled[row][d];
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dimensions; d++) {
                pooled[row][d] *= scale;
            }
        }
        return pooled;
    }

    private static InputStream resource(String name) {
        InputStream in = OnnxEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The embedding model file " + name
                    + " is not on the class path: add the model's jar (see EmbeddingModel) to the application");
        }
        return in;
    }

}
