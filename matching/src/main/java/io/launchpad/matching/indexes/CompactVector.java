package io.launchpad.matching.indexes;

import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * A vector kept beside its text to be read back, not searched: each dimension as a signed
 * byte (×127), base64, about half a kilobyte for 384 dimensions. Elasticsearch keeps
 * {@code dense_vector} values out of {@code _source} and rebuilds them as JSON numbers on
 * every read; read that way, a page of candidates' passages cost more than the searches
 * that found the candidates. The rounding moves a cosine by about a thousandth.
 */
public final class CompactVector {

    private CompactVector() {
    }

    /** Null for no vector. */
    public static @Nullable String pack(float @Nullable [] vector) {
        if (vector == null) {
            return null;
        }
        byte[] bytes = new byte[vector.length];
        for (int d = 0; d < vector.length; d++) {
            bytes[d] = (byte) Math.max(-127, Math.min(127, Math.round(vector[d] * 127)));
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The vector back as a unit vector; null when none is stored. */
    public static float @Nullable [] unpack(@Nullable String packed) {
        if (packed == null) {
            return null;
        }
        byte[] bytes = Base64.getDecoder().decode(packed);
        float[] vector = new float[bytes.length];
        double norm = 0;
        for (int d = 0; d < bytes.length; d++) {
            vector[d] = bytes[d];
            norm += vector[d] * vector[d];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < vector.length; d++) {
            vector[d] *= scale;
        }
        return vector;
    }

}
