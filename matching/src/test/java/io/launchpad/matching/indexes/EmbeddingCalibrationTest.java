package io.launchpad.matching.indexes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.launchpad.matching.Taxonomy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.data.Offset;

/**
 * Each model's calibration anchors ({@link EmbeddingModel#unrelated},
 * {@link EmbeddingModel#related}) are what the housing taxonomy's own words measure:
 * every category's phrases as queries against every other category's phrases as passages
 * (unrelated) and against its own (related). A model whose stated anchors drift from this
 * by more than 0.03 fails here; run it to re-measure after adding a model.
 */
class EmbeddingCalibrationTest {

    record Anchors(double unrelated, double related) {
    }

    static Anchors measure(EmbeddingModel model) {
        Embeddings embeddings = new Embeddings(model);
        List<Taxonomy.Term> categories = Taxonomy.housing().terms(Taxonomy.CATEGORY);
        List<List<float[]>> queries = new ArrayList<>();
        List<List<float[]>> passages = new ArrayList<>();
        for (Taxonomy.Term category : categories) {
            List<String> phrases = category.phrases();
            queries.add(embeddings.embedAll(phrases, EmbeddingModel.Side.QUERY));
            passages.add(embeddings.embedAll(phrases, EmbeddingModel.Side.PASSAGE));
        }
        double unrelated = 0;
        long unrelatedPairs = 0;
        double related = 0;
        long relatedPairs = 0;
        for (int a = 0; a < categories.size(); a++) {
            for (int b = 0; b < categories.size(); b++) {
                for (int q = 0; q < queries.get(a).size(); q++) {
                    for (int p = 0; p < passages.get(b).size(); p++) {
                        if (a == b && p == q) {
                            continue; // a phrase against itself says nothing
                        }
                        double cosine = Embeddings.cosine(queries.get(a).get(q), passages.get(b).get(p));
                        if (a == b) {
                            related += cosine;
                            relatedPairs++;
                        }
                        else {
                            unrelated += cosine;
                            unrelatedPairs++;
                        }
                    }
                }
            }
        }
        return new Anchors(unrelated / unrelatedPairs, related / relatedPairs);
    }

    @Test
    void everyModelStatesTheAnchorsTheTaxonomyMeasures() {
        Map<EmbeddingModel, Anchors> all = new LinkedHashMap<>();
        for (EmbeddingModel model : EmbeddingModel.KNOWN) {
            Anchors measured = measure(model);
            all.put(model, measured);
            System.out.printf(Locale.ROOT, "%s: unrelated %.3f, related %.3f%n", model.id(), measured.unrelated(),
                    measured.related());
        }
        all.forEach((model, measured) -> {
            assertThat(model.unrelated()).as(model.id() + " unrelated")
                .isCloseTo(measured.unrelated(), Offset.offset(0.03));
            assertThat(model.related()).as(model.id() + " related").isCloseTo(measured.related(), Offset.offset(0.03));
        });
    }

    @Test
    void calibrationPutsEachModelsAnchorsWhereTheDefaultModelHasThem() {
        for (EmbeddingModel model : EmbeddingModel.KNOWN) {
            assertThat(model.calibrated(model.unrelated())).isCloseTo(EmbeddingModel.DEFAULT.unrelated(),
                    Offset.offset(1e-9));
            assertThat(model.calibrated(model.related())).isCloseTo(EmbeddingModel.DEFAULT.related(),
                    Offset.offset(1e-9));
        }
        assertThat(EmbeddingModel.DEFAULT.calibrated(0.42)).isEqualTo(0.42);
    }

}
