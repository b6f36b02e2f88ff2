package io.launchpad.matching.indexes;

import java.util.Arrays;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        // the int8 model quantises activations per batch, so a text's vector moves
        // slightly with its batch
        assertThat(Embeddings.cosine(vectors.get(0), embeddings.embed("Telecare pendants"))).isGreaterThan(0.99);
        assertThat(embeddings.embed(null)).isNull();
    }

    @Test
    void everyKnownModelLoadsFromItsJarAndFindsTheRelatedPassage() {
        for (EmbeddingModel model : EmbeddingModel.KNOWN) {
            Embeddings other = new Embeddings(model);
            float[] query = other.embed("Damp and mould in social housing");
            List<float[]> passages = other
                .embedAll(List.of("Humidity sensors that warn landlords before condensation turns into mould",
                        "Payroll software for small charities"), EmbeddingModel.Side.PASSAGE);

            assertThat(query).as(model.id()).hasSize(Embeddings.DIMENSIONS);
            assertThat(Embeddings.cosine(query, query)).as(model.id()).isCloseTo(1.0, Offset.offset(1e-4));
            assertThat(Embeddings.cosine(query, passages.get(0))).as(model.id())
                .isGreaterThan(Embeddings.cosine(query, passages.get(1)) + 0.05);
        }
    }

    @Test
    void aQueryIsEmbeddedApartFromAPassageOnlyWhereTheModelWasTrainedSo() {
        String text = "Retrofit surveys for older homes";
        Embeddings bge = new Embeddings(EmbeddingModel.BGE_SMALL_EN_V15);

        assertThat(Embeddings.cosine(embeddings.embed(text, EmbeddingModel.Side.QUERY),
                embeddings.embed(text, EmbeddingModel.Side.PASSAGE)))
            .isGreaterThan(0.99);
        assertThat(Embeddings.cosine(bge.embed(text, EmbeddingModel.Side.QUERY),
                bge.embed(text, EmbeddingModel.Side.PASSAGE)))
            .isLessThan(0.99);
    }

    @Test
    void aHashNamesModelSideAndText() {
        Embeddings bge = new Embeddings(EmbeddingModel.BGE_SMALL_EN_V15);
        String hash = embeddings.hash("Telecare pendants", EmbeddingModel.Side.PASSAGE);

        assertThat(hash).isEqualTo(embeddings.hash(" Telecare pendants ", EmbeddingModel.Side.PASSAGE)).hasSize(22);
        assertThat(hash).isNotEqualTo(embeddings.hash("Telecare pendants", EmbeddingModel.Side.QUERY))
            .isNotEqualTo(bge.hash("Telecare pendants", EmbeddingModel.Side.PASSAGE))
            .isNotEqualTo(embeddings.hash("Telecare pendant", EmbeddingModel.Side.PASSAGE));
        assertThat(embeddings.hash(" ", EmbeddingModel.Side.PASSAGE)).isNull();
    }

    @Test
    void aKnownVectorIsTakenInsteadOfAModelRun() {
        Embeddings counted = new Embeddings();
        float[] stored = counted.embed("Telecare pendants", EmbeddingModel.Side.PASSAGE);
        long before = counted.textsEmbedded();
        String known = counted.hash("Telecare pendants", EmbeddingModel.Side.PASSAGE);

        List<float[]> vectors = counted.embedAll(List.of("Telecare pendants", "Retrofit surveys", "Retrofit surveys"),
                EmbeddingModel.Side.PASSAGE, hash -> hash.equals(known) ? stored : null);

        assertThat(vectors.get(0)).isSameAs(stored);
        assertThat(vectors.get(1)).isSameAs(vectors.get(2));
        assertThat(counted.textsEmbedded() - before).isEqualTo(1);
    }

    @Test
    void anUnknownModelNameIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> EmbeddingModel.named("gpt")).hasMessageContaining("launchpad.matching.embedding-model")
            .hasMessageContaining("bge-small-en-v1.5-q");
    }

}
