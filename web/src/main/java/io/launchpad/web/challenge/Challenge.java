package io.launchpad.web.challenge;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A challenge as the API returns it; only the fields the pages show. Methods the
 * templates call are public because SpEL only invokes public methods.
 */
record Challenge(String id, String organisationId, @Nullable String organisationName, String title,
        @Nullable String summary, @Nullable String description, List<String> categories, List<String> regions,
        @Nullable String status, @Nullable Integer budgetMinPounds, @Nullable Integer budgetMaxPounds,
        @Nullable LocalDate closingDate, List<Requirement> requirements, List<Weighting> weightings,
        @Nullable Integer pilotLengthWeeks, @Nullable String location, @Nullable LocalDate questionsCloseOn,
        List<String> requiredAccreditations, @Nullable String hiddenReason) {

    Challenge {
        categories = categories == null ? List.of() : List.copyOf(categories);
        regions = regions == null ? List.of() : List.copyOf(regions);
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        weightings = weightings == null ? List.of() : List.copyOf(weightings);
        requiredAccreditations = requiredAccreditations == null ? List.of() : List.copyOf(requiredAccreditations);
    }

    /**
     * One of the challenge's requirements in the association's words; essential ones must
     * be evidenced to respond.
     */
    record Requirement(String id, boolean essential, String text) {
    }

    /** How much a criterion counts in the evaluation, out of 100. */
    record Weighting(String criterion, int weight) {

        /** "Technical", "Social value", "Price": the criterion as a person reads it. */
        public String label() {
            return Labels.topic(criterion);
        }
    }

    public List<Requirement> essentialRequirements() {
        return requirements.stream().filter(Requirement::essential).toList();
    }

    public List<Requirement> niceToHaveRequirements() {
        return requirements.stream().filter(requirement -> !requirement.essential()).toList();
    }

    /**
     * "£10,000 to £50,000", "Up to £50,000", "From £10,000", or null when the association
     * gave none.
     */
    public @Nullable String budget() {
        if (budgetMinPounds != null && budgetMaxPounds != null) {
            return pounds(budgetMinPounds) + " to " + pounds(budgetMaxPounds);
        }
        if (budgetMaxPounds != null) {
            return "Up to " + pounds(budgetMaxPounds);
        }
        if (budgetMinPounds != null) {
            return "From " + pounds(budgetMinPounds);
        }
        return null;
    }

    private static String pounds(int amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setMaximumFractionDigits(0);
        return format.format(amount);
    }
}
