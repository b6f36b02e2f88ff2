package io.launchpad.matching.indexes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CompactVectorTest {

    @Test
    void aVectorComesBackAsTheUnitVectorItWasWithinAFewThousandthsOfCosine() {
        Random random = new Random(11);
        double moved = 0;
        for (int trial = 0; trial < 200; trial++) {
            float[] vector = unit(random, 384);
            float[] query = unit(random, 384);
            String packed = CompactVector.pack(vector);
            float[] back = CompactVector.unpack(packed);

            assertThat(packed).hasSize(512);
            assertThat(Embeddings.cosine(vector, back)).isGreaterThan(0.998);
            double cosine = Embeddings.cosine(query, vector);
            assertThat(Embeddings.cosine(query, back)).isCloseTo(cosine, within(0.01));
            moved += Math.abs(Embeddings.cosine(query, back) - cosine);
            double norm = 0;
            for (float value : back) {
                norm += value * value;
            }
            assertThat(norm).isCloseTo(1.0, within(1e-5));
        }
        assertThat(moved / 200).as("mean change of a cosine").isLessThan(0.003);
    }

    @Test
    void noVectorIsStoredAsNothing() {
        assertThat(CompactVector.pack(null)).isNull();
        assertThat(CompactVector.unpack(null)).isNull();
    }

    @Test
    void vectorsAreComparedByCosineWhateverTheirLength() {
        float[] requirement = { 3, 4 };
        assertThat(Embeddings.cosine(requirement, new float[] { 6f, 8f })).isCloseTo(1.0, within(1e-9));
        assertThat(Embeddings.cosine(requirement, new float[] { -4f, 3f })).isCloseTo(0.0, within(1e-9));
        assertThat(Embeddings.cosine(requirement, new float[] { -3f, -4f })).isCloseTo(-1.0, within(1e-9));
        // a zero vector agrees with nothing, and does not divide by zero
        assertThat(Embeddings.cosine(requirement, new float[] { 0f, 0f })).isZero();
        assertThat(Embeddings.cosine(requirement, null)).isZero();
    }

    private static float[] unit(Random random, int dimensions) {
        float[] vector = new float[dimensions];
        double norm = 0;
        for (int d = 0; d < dimensions; d++) {
            vector[d] = (float) random.nextGaussian();
            norm += vector[d] * vector[d];
        }
        for (int d = 0; d < dimensions; d++) {
            vector[d] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

}
