package io.launchpad.api.opendata;

import io.launchpad.api.organisation.Organisation;
import io.launchpad.api.pilot.Pilot;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The open data as CSV for people who use spreadsheets: one row per challenge, and one
 * per outcome measure of a completed pilot. RFC 4180 quoting; text that a spreadsheet
 * would run as a formula (starting with =, +, -, @) is prefixed with an apostrophe, so a
 * title cannot become a formula.
 */
final class OpenDataCsv {

    static final String CHALLENGES_HEADER = String.join(",", "ocid", "title", "buyer", "buyer_identifiers", "status",
            "published", "closing_date", "questions_close_on", "budget_min_gbp", "budget_max_gbp", "categories",
            "regions", "location", "pilot_length_weeks", "essential_requirements", "nice_to_have_requirements",
            "responses", "awarded_supplier", "awarded_supplier_identifiers", "award_date", "award_value_gbp",
            "pilot_status", "pilot_outcome", "pilot_completed");

    static final String OUTCOMES_HEADER = String.join(",", "ocid", "challenge_title", "pilot_title", "buyer",
            "supplier", "measure", "unit", "baseline", "target", "actual", "target_met");

    private final OcdsReleases ocds;

    OpenDataCsv(OcdsReleases ocds) {
        this.ocds = ocds;
    }

    String challengeRow(ContractingProcess p) {
        ContractingProcess.Challenge c = p.challenge();
        ContractingProcess.Award award = p.award();
        Pilot pilot = p.pilot();
        return row(text(ocds.ocid(p)), text(c.title()), text(p.buyer().name()), text(identifiers(p.buyer())),
                text(c.status()), text(c.publishedAt()), text(c.closingDate()), text(c.questionsCloseOn()),
                number(c.budgetMinPounds()), number(c.budgetMaxPounds()), text(String.join("; ", c.categories())),
                text(String.join("; ", c.regions())), text(c.location()), number(c.pilotLengthWeeks()),
                text(String.join("; ", c.essentialRequirements())), text(String.join("; ", c.niceToHaveRequirements())),
                number(p.tenderers()), text(award == null ? null : award.supplier().name()),
                text(award == null ? null : identifiers(award.supplier())), text(award == null ? null : award.date()),
                number(award == null ? null : award.pricePounds()), text(pilot == null ? null : pilot.status()),
                text(pilot == null ? null : pilot.outcome()), text(pilot == null ? null : pilot.completedAt()));
    }

    /**
     * The outcome measures of a completed pilot, one row each (none for any other
     * process).
     */
    List<String> outcomeRows(ContractingProcess p) {
        Pilot pilot = p.pilot();
        if (pilot == null || !pilot.isCompleted() || p.award() == null) {
            return List.of();
        }
        return pilot.outcomes()
            .stream()
            .map(o -> row(text(ocds.ocid(p)), text(p.challenge().title()), text(pilot.title()), text(p.buyer().name()),
                    text(p.award().supplier().name()), text(o.measure()), text(o.unit()), decimal(o.baseline()),
                    decimal(o.target()), decimal(o.actual()), o.actual() == null ? "" : o.met() ? "yes" : "no"))
            .toList();
    }

    private static String identifiers(Organisation organisation) {
        return organisation.identifiers() == null ? ""
                : organisation.identifiers()
                    .listed()
                    .stream()
                    .map(id -> id.scheme() + ":" + id.id())
                    .collect(Collectors.joining("; "));
    }

    private static String row(String... cells) {
        return String.join(",", cells) + "\r\n";
    }

    static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String number(@Nullable Integer value) {
        return value == null ? "" : value.toString();
    }

    private static String decimal(@Nullable BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

}
