package io.launchpad.matching.indexes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.Taxonomy;

/**
 * Turns documents into what the indexes store, embeddings included. Everything that
 * writes to the indexes (the outbox indexer, a full reindex) goes through here, so both
 * store the same thing. Batches cost one model call each: pass a whole bulk request's
 * documents at once. Each vector is stored beside its text's hash, and a text whose hash
 * the document's previous version already holds ({@link PreviousVectors}) keeps that
 * vector instead of running the model again.
 */
public final class IndexedDocuments {

    private final Embeddings embeddings;

    private final Taxonomy taxonomy;

    private final PreviousVectors previous;

    public IndexedDocuments(Embeddings embeddings, Taxonomy taxonomy) {
        this(embeddings, taxonomy, PreviousVectors.NONE);
    }

    public IndexedDocuments(Embeddings embeddings, Taxonomy taxonomy, PreviousVectors previous) {
        this.embeddings = embeddings;
        this.taxonomy = taxonomy;
        this.previous = previous;
    }

    /** The model these documents are embedded with. */
    public Embeddings embeddings() {
        return embeddings;
    }

    public List<IndexedSupplier> suppliers(List<SupplierDocument> suppliers) {
        if (suppliers.isEmpty()) {
            return List.of();
        }
        KnownVectors known = previous.suppliers(suppliers.stream().map(SupplierDocument::id).toList());
        List<String> texts = suppliers.stream().map(IndexedDocuments::supplierText).toList();
        List<float[]> vectors = embeddings.embedAll(texts, EmbeddingModel.Side.PASSAGE, known);
        // every passage of the batch in one model call: short texts, one window each
        List<List<Passages.Passage>> passages = suppliers.stream().map(Passages::of).toList();
        List<float[]> passageVectors = embeddings.embedAll(
                passages.stream().flatMap(List::stream).map(Passages.Passage::text).toList(),
                EmbeddingModel.Side.PASSAGE, known);
        List<IndexedSupplier> indexed = new ArrayList<>(suppliers.size());
        int next = 0;
        for (int i = 0; i < suppliers.size(); i++) {
            SupplierDocument supplier = suppliers.get(i);
            List<IndexedSupplier.Passage> embedded = new ArrayList<>(passages.get(i).size());
            for (Passages.Passage passage : passages.get(i)) {
                float[] vector = passageVectors.get(next++);
                if (vector != null) {
                    embedded.add(new IndexedSupplier.Passage(passage.field(), passage.text(), vector,
                            Objects.requireNonNull(embeddings.hash(passage.text(), EmbeddingModel.Side.PASSAGE),
                                    "a passage is never blank")));
                }
            }
            float[] vector = vectors.get(i);
            indexed.add(IndexedSupplier.from(supplier, declaredCategories(supplier), vector,
                    vector == null ? null : embeddings.hash(texts.get(i), EmbeddingModel.Side.PASSAGE), embedded));
        }
        return indexed;
    }

    public List<IndexedChallenge> challenges(List<ChallengeDocument> challenges) {
        if (challenges.isEmpty()) {
            return List.of();
        }
        KnownVectors known = previous.challenges(challenges.stream().map(ChallengeDocument::id).toList());
        List<String> texts = challenges.stream().map(IndexedDocuments::challengeText).toList();
        // a challenge is what suppliers are searched for: its stored vector is the query
        // vector of a published challenge
        List<float[]> vectors = embeddings.embedAll(texts, EmbeddingModel.Side.QUERY, known);
        // each requirement is compared with passages by its own query vector: embedded
        // here, with the batch
        List<List<String>> requirements = challenges.stream().map(IndexedDocuments::requirementTexts).toList();
        List<float[]> requirementVectors = embeddings.embedAll(requirements.stream().flatMap(List::stream).toList(),
                EmbeddingModel.Side.QUERY, known);
        List<IndexedChallenge> indexed = new ArrayList<>(challenges.size());
        int next = 0;
        for (int i = 0; i < challenges.size(); i++) {
            List<IndexedChallenge.Requirement> stored = new ArrayList<>(requirements.get(i).size());
            for (String requirement : requirements.get(i)) {
                float[] vector = requirementVectors.get(next++);
                if (vector != null) {
                    stored.add(new IndexedChallenge.Requirement(vector,
                            Objects.requireNonNull(embeddings.hash(requirement, EmbeddingModel.Side.QUERY),
                                    "requirementTexts leaves no blank one")));
                }
            }
            float[] vector = vectors.get(i);
            indexed.add(IndexedChallenge.from(challenges.get(i), vector,
                    vector == null ? null : embeddings.hash(texts.get(i), EmbeddingModel.Side.QUERY), stored));
        }
        return indexed;
    }

    /**
     * A challenge's essential and nice-to-have requirements, as matching reads them
     * (stripped, none blank).
     */
    public static List<String> requirementTexts(ChallengeDocument challenge) {
        return Stream.concat(challenge.essentialRequirements().stream(), challenge.niceToHaveRequirements().stream())
            .filter(text -> text != null && !text.isBlank())
            .map(String::strip)
            .distinct()
            .toList();
    }

    /**
     * What a profile's embedding is made of: the most telling fields first, as the model
     * reads only the start.
     */
    public static String supplierText(SupplierDocument supplier) {
        return join(Stream.of(supplier.name(), supplier.summary(), supplier.capabilities(), supplier.products(),
                supplier.caseStudies()));
    }

    /**
     * What a challenge's embedding (and its query embedding) is made of: its requirements
     * come right after the title, as they say most plainly what a supplier must offer,
     * and the model weighs the start most.
     */
    public static String challengeText(ChallengeDocument challenge) {
        return join(Stream.of(Stream.of(challenge.title()), challenge.essentialRequirements().stream(),
                challenge.niceToHaveRequirements().stream(), Stream.of(challenge.summary(), challenge.description()))
            .flatMap(s -> s));
    }

    /**
     * The categories the supplier declared that the taxonomy knows. Never inferred from
     * words in the text: a one-line list of sector buzzwords would collect every
     * category, and a supplier describing the same work in other words would collect
     * none. Nothing declared, nothing credited.
     */
    private List<String> declaredCategories(SupplierDocument supplier) {
        return supplier.categories()
            .stream()
            .filter(code -> taxonomy.knows(Taxonomy.CATEGORY, code))
            .distinct()
            .toList();
    }

    private static String join(Stream<String> parts) {
        return parts.filter(Objects::nonNull)
            .map(String::strip)
            .filter(part -> !part.isEmpty())
            .collect(Collectors.joining("\n"));
    }

}
