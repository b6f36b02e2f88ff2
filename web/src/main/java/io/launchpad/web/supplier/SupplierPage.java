package io.launchpad.web.supplier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A published supplier profile and its completed pilots, as the public supplier page
 * shows them.
 */
final class SupplierPage {

    private SupplierPage() {
    }

    record Profile(String id, @Nullable String organisationId, String name, @Nullable String summary,
            @Nullable String capabilities, @Nullable String products, @Nullable String caseStudies,
            List<String> regions, List<String> accreditations, List<String> categories, @Nullable String status,
            @Nullable String hiddenReason) {

        Profile {
            regions = regions == null ? List.of() : List.copyOf(regions);
            accreditations = accreditations == null ? List.of() : List.copyOf(accreditations);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    record Pilots(List<Pilot> items) {

        Pilots {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record Pilot(String id, String title, @Nullable String finalReport, @Nullable Instant completedAt,
            List<Outcome> outcomes) {

        Pilot {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }
    }

    /** One measure: where it started, what was aimed for, what happened. */
    record Outcome(String measure, @Nullable String unit, @Nullable BigDecimal baseline, @Nullable BigDecimal target,
            @Nullable BigDecimal actual) {

        /**
         * Met when the actual reached the target in the direction the target set from the
         * baseline.
         */
        public String verdict() {
            if (actual == null || target == null) {
                return "Not measured";
            }
            boolean lowerIsBetter = baseline != null && target.compareTo(baseline) < 0;
            int reached = lowerIsBetter ? target.compareTo(actual) : actual.compareTo(target);
            return reached >= 0 ? "Target met" : "Target not met";
        }

        public String figure(@Nullable BigDecimal value) {
            if (value == null) {
                return "–";
            }
            String number = value.stripTrailingZeros().toPlainString();
            return unit == null || unit.isBlank() ? number : number + " " + unit;
        }
    }

}
