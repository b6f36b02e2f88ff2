package io.launchpad.matching.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.launchpad.matching.MatchReasons;
import io.launchpad.matching.RequirementEvidence;
import io.launchpad.matching.Taxonomy;
import org.jspecify.annotations.Nullable;

/**
 * A match's reasons as sentences a person reads, in the order that matters to an
 * association: the challenge's requirements first (in its own words, with the supplier's
 * passage quoted), then the cautions, then closeness of meaning, categories, regions and
 * accreditations by their labels, then completed pilots. Nothing is said about what is
 * missing on one side only: no data is not a reason.
 */
final class Explanations {

    static final int MAX_QUOTE = 220;

    private final Taxonomy taxonomy;

    Explanations(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * {@code heldAccreditations}: the supplier's own codes, to say which one meets a
     * requirement.
     */
    List<String> of(MatchReasons reasons, List<String> heldAccreditations) {
        List<String> sentences = new ArrayList<>();
        for (RequirementEvidence evidence : reasons.requirements()) {
            sentences.add(requirement(evidence));
        }
        if (reasons.cautions().contains(MatchReasons.LITTLE_DETAIL)) {
            sentences.add("The profile has little detail, so its score is capped.");
        }
        switch (reasons.closeness()) {
            case "strong" -> sentences.add("Describes closely related work, in its own words.");
            case "moderate" -> sentences.add("Describes related work.");
            default -> {
                // weak or no closeness of meaning is not a reason to show
            }
        }
        if (!reasons.matchedCategories().isEmpty()) {
            sentences.add("Categories in common: " + labels(Taxonomy.CATEGORY, reasons.matchedCategories()) + ".");
        }
        List<String> served = reasons.regionsMet().stream().filter(code -> !Taxonomy.REMOTE.equals(code)).toList();
        if (!served.isEmpty()) {
            sentences.add("Works in " + labels(Taxonomy.REGION, served) + ".");
        }
        if (reasons.regionsMet().contains(Taxonomy.REMOTE)) {
            sentences.add(served.isEmpty() ? "Works remotely, so can serve the challenge's regions."
                    : "Works remotely, so can also serve the challenge's other regions.");
        }
        for (String required : reasons.accreditationsMet()) {
            sentences.add(accreditation(required, heldAccreditations));
        }
        if (reasons.completedPilots() > 0) {
            sentences.add(reasons.completedPilots() == 1 ? "Has completed a pilot through Launchpad."
                    : "Has completed " + reasons.completedPilots() + " pilots through Launchpad.");
        }
        return List.copyOf(sentences);
    }

    private static String requirement(RequirementEvidence evidence) {
        String kind = RequirementEvidence.ESSENTIAL.equals(evidence.importance()) ? "essential" : "nice-to-have";
        String said = "“" + evidence.requirement().strip() + "”";
        return switch (evidence.verdict()) {
            case RequirementEvidence.EVIDENCED ->
                "Evidences the " + kind + " requirement " + said + ": “" + quote(evidence.passage()) + "”";
            case RequirementEvidence.PARTLY_EVIDENCED ->
                "Partly evidences the " + kind + " requirement " + said + ": “" + quote(evidence.passage()) + "”";
            default -> "Says nothing that evidences the " + kind + " requirement " + said + ".";
        };
    }

    private String accreditation(String required, List<String> held) {
        String label = label(Taxonomy.ACCREDITATION, required);
        if (held.contains(required)) {
            return "Holds " + label + ", as required.";
        }
        Set<String> satisfiers = Set.copyOf(taxonomy.satisfiersOf(Taxonomy.ACCREDITATION, required));
        return held.stream()
            .filter(satisfiers::contains)
            .findFirst()
            .map(code -> "Holds " + label(Taxonomy.ACCREDITATION, code) + ", which meets the " + label
                    + " requirement.")
            .orElse("Meets the " + label + " requirement.");
    }

    private String labels(String vocabulary, List<String> codes) {
        List<String> labels = codes.stream().map(code -> label(vocabulary, code)).toList();
        if (labels.size() == 1) {
            return labels.getFirst();
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.getLast();
    }

    private String label(String vocabulary, String code) {
        Map<String, String> labels = taxonomy.labels(vocabulary);
        return labels.getOrDefault(code, code);
    }

    /** The passage as written, cut at a word near {@value #MAX_QUOTE} characters. */
    static String quote(@Nullable String passage) {
        if (passage == null) {
            return "";
        }
        String text = passage.strip().replaceAll("\\s+", " ");
        if (text.length() <= MAX_QUOTE) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_QUOTE);
        return text.substring(0, cut > MAX_QUOTE / 2 ? cut : MAX_QUOTE) + "…";
    }

}
