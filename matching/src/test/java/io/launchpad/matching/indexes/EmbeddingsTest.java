package io.launchpad.matching.indexes;

import java.util.Arrays;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The model itself, in-process: what a long text is made of and how meanings compare. */
class EmbeddingsTest {

    private final Embeddings embeddings = new Embeddings();

    @Test
    void aLongTextIsCutIntoWholeWordWindowsAndNoMoreThanFour() {
        String text = "condensation sensors ".repeat(300);

        List<String> windows = Embeddings.windows(text);

        assertThat(windows).hasSize(Embeddings.MAX_WINDOWS)
                .allSatisfy(window -> assertThat(window).hasSizeLessThanOrEqualTo(Embeddings.WINDOW_CHARACTERS)
                        .matches("(condensation|sensors)( (condensation|sensors))*"));
        assertThat(text).startsWith(String.join(" ", windows));
        assertThat(Embeddings.windows("short text")).containsExactly("short text");
        assertThat(Embeddings.windows("  ")).isEmpty();
    }

    @Test
    void theLaterPartOfALongProfileCountsInItsVector() {
        String opening = "Payroll and accounting software for small charities. ".repeat(18);
        String later = "Humidity sensors that warn landlords before condensation turns into black mould. ".repeat(12);
        float[] openingOnly = embeddings.embed(opening);
        float[] whole = embeddings.embed(opening + later);
        float[] mould = embeddings.embed("Damp and mould in social housing");

        assertThat(Embeddings.windows(opening + later)).hasSizeGreaterThan(1);
        assertThat(Embeddings.cosine(whole, mould)).isGreaterThan(Embeddings.cosine(openingOnly, mould) + 0.1);
        assertThat(Embeddings.cosine(whole, whole)).isCloseTo(1.0, Offset.offset(1e-4));
    }

    @Test
    void blankTextsHaveNoVectorAndKeepTheirPlaceInABatch() {
        List<float[]> vectors = embeddings.embedAll(Arrays.asList("Telecare pendants", null, " ", "Retrofit surveys"),
                EmbeddingModel.Side.QUERY);

        assertThat(vectors).hasSize(4);
        assertThat(vectors.get(0)).hasSize(Embeddings.DIMENSIONS);
        assertThat(vectors.get(1)).isNull();
        assertThat(vectors.get(2)).isNull();
        // the int8 model quantises activations per batch, so a text's vector moves slightly with its batch
        assertThat(Embeddings.cosine(vectors.get(0), embeddings.embed("Telecare pendants"))).isGreaterThan(0.99);
        assertThat(embeddings.embed(null)).isNull();
    }
}
