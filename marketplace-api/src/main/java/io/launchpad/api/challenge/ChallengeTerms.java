package io.launchpad.api.challenge;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a supplier answers and how the association will judge it. Requirement ids are
 * stable once published (a published challenge is not edited): {@code E1..En} essential,
 * {@code N1..Nn} nice to have.
 */
public record ChallengeTerms(List<String> essentialRequirements, List<String> niceToHaveRequirements,
        List<Weighting> weightings, @Nullable Integer pilotLengthWeeks, @Nullable String location,
        @Nullable LocalDate questionsCloseOn, List<String> requiredAccreditations) {

    /**
     * Used when an association publishes without its own weightings, so every response
     * can still be ranked.
     */
    public static final List<Weighting> DEFAULT_WEIGHTINGS = List.of(new Weighting("technical", 60),
            new Weighting("social-value", 10), new Weighting("price", 30));

    public ChallengeTerms {
        essentialRequirements = essentialRequirements == null ? List.of() : List.copyOf(essentialRequirements);
        niceToHaveRequirements = niceToHaveRequirements == null ? List.of() : List.copyOf(niceToHaveRequirements);
        weightings = weightings == null ? List.of() : List.copyOf(weightings);
        requiredAccreditations = requiredAccreditations == null ? List.of() : List.copyOf(requiredAccreditations);
    }

    public record Requirement(String id, boolean essential, String text) {
    }

    public List<Requirement> requirements() {
        List<Requirement> all = new ArrayList<>();
        for (int i = 0; i < essentialRequirements.size(); i++) {
            all.add(new Requirement("E" + (i + 1), true, essentialRequirements.get(i)));
        }
        for (int i = 0; i < niceToHaveRequirements.size(); i++) {
            all.add(new Requirement("N" + (i + 1), false, niceToHaveRequirements.get(i)));
        }
        return all;
    }

    public List<Weighting> effectiveWeightings() {
        return weightings.isEmpty() ? DEFAULT_WEIGHTINGS : weightings;
    }

    /**
     * The last day questions are taken: the stated end of the window, or the closing
     * date.
     */
    public @Nullable LocalDate lastQuestionDay(@Nullable LocalDate closingDate) {
        return questionsCloseOn != null ? questionsCloseOn : closingDate;
    }
}
