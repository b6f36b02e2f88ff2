package io.launchpad.api.opendata;

import io.launchpad.api.challenge.Weighting;
import io.launchpad.api.organisation.Organisation;
import io.launchpad.api.organisation.SectorIdentifiers;
import io.launchpad.api.pilot.Pilot;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Challenges as Open Contracting Data Standard 1.1 releases: planning and tender (the
 * challenge), award (the winning supplier), contract and implementation (the pilot, its
 * milestones and outcome measures). Each release is the state of the process as of its
 * stage, so a record's compiled release is simply its newest. Pure: the data comes in,
 * maps come out.
 */
final class OcdsReleases {

    static final String VERSION = "1.1";

    private static final String CURRENCY = "GBP";

    private final String ocidPrefix;

    private final String apiBaseUrl;

    /**
     * @param ocidPrefix the prefix the Open Contracting Partnership registered for this
     * publisher ({@code ocds-xxxxxx})
     * @param apiBaseUrl where the API is reached, for links to the public pilot pages
     */
    OcdsReleases(String ocidPrefix, String apiBaseUrl) {
        this.ocidPrefix = ocidPrefix;
        this.apiBaseUrl = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
    }

    String ocid(ContractingProcess process) {
        return ocidPrefix + "-" + process.challenge().id();
    }

    /** The challenge id an ocid of ours names, or null when it is not one of ours. */
    java.util.@Nullable UUID challengeId(@Nullable String ocid) {
        if (ocid == null || !ocid.startsWith(ocidPrefix + "-")) {
            return null;
        }
        try {
            return UUID.fromString(ocid.substring(ocidPrefix.length() + 1));
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The release of one stage of the process, dated when that stage happened. */
    Map<String, Object> release(ContractingProcess process, Stage stage, Instant date) {
        ContractingProcess.Challenge c = process.challenge();
        Map<String, Object> release = new LinkedHashMap<>();
        String ocid = ocid(process);
        release.put("ocid", ocid);
        release.put("id", ocid + "-" + stage.code());
        release.put("date", date.toString());
        release.put("tag", stage.tags());
        release.put("initiationType", "tender");
        release.put("language", "en");

        boolean awarded = process.award() != null
                && (stage == Stage.AWARD || stage == Stage.CONTRACT || stage == Stage.IMPLEMENTATION);
        List<Map<String, Object>> parties = new ArrayList<>();
        parties.add(party(process.buyer(), List.of("buyer", "procuringEntity")));
        if (awarded) {
            parties.add(party(awardOf(process).supplier(), List.of("supplier")));
        }
        release.put("parties", parties);
        release.put("buyer", reference(process.buyer()));
        release.put("planning", planning(c));
        release.put("tender", tender(process, stage));
        if (awarded) {
            release.put("awards", List.of(award(process)));
            if (process.pilot() != null && (stage == Stage.CONTRACT || stage == Stage.IMPLEMENTATION)) {
                release.put("contracts", List.of(contract(process, stage == Stage.IMPLEMENTATION)));
            }
        }
        return release;
    }

    /**
     * A release package of these releases: what the list, the bulk file and a record's
     * releases carry.
     */
    Map<String, Object> releasePackage(String uri, Instant publishedDate, List<Map<String, Object>> releases) {
        Map<String, Object> pkg = packageHeader(uri, publishedDate);
        pkg.put("releases", releases);
        return pkg;
    }

    /**
     * A record package for one process: its releases, oldest first, and the compiled
     * (newest) state.
     */
    Map<String, Object> recordPackage(String uri, Instant publishedDate, String ocid,
            List<Map<String, Object>> releases) {
        Map<String, Object> pkg = packageHeader(uri, publishedDate);
        Map<String, Object> compiled = new LinkedHashMap<>(releases.getLast());
        compiled.put("id", ocid + "-compiled");
        compiled.put("tag", List.of("compiled"));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ocid", ocid);
        record.put("releases", releases);
        record.put("compiledRelease", compiled);
        pkg.put("records", List.of(record));
        return pkg;
    }

    private static Map<String, Object> packageHeader(String uri, Instant publishedDate) {
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("uri", uri);
        pkg.put("version", VERSION);
        pkg.put("publishedDate", publishedDate.toString());
        pkg.put("publisher", Map.of("name", "Launchpad"));
        pkg.put("license", "https://creativecommons.org/licenses/by/4.0/");
        return pkg;
    }

    private static Map<String, Object> party(Organisation organisation, List<String> roles) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("id", organisation.id().toString());
        party.put("name", organisation.name());
        List<SectorIdentifiers.Identifier> identifiers = organisation.identifiers() == null ? List.of()
                : organisation.identifiers().listed();
        if (!identifiers.isEmpty()) {
            party.put("identifier", identifier(identifiers.getFirst(), organisation.name()));
            if (identifiers.size() > 1) {
                party.put("additionalIdentifiers",
                        identifiers.subList(1, identifiers.size())
                            .stream()
                            .map(id -> identifier(id, organisation.name()))
                            .toList());
            }
        }
        party.put("roles", roles);
        return party;
    }

    private static Map<String, Object> identifier(SectorIdentifiers.Identifier identifier, String legalName) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scheme", identifier.scheme());
        map.put("id", identifier.id());
        map.put("legalName", legalName);
        return map;
    }

    private static Map<String, Object> reference(Organisation organisation) {
        return Map.of("id", organisation.id().toString(), "name", organisation.name());
    }

    private static Map<String, Object> planning(ContractingProcess.Challenge c) {
        Map<String, Object> planning = new LinkedHashMap<>();
        planning.put("rationale", c.summary());
        if (c.budgetMaxPounds() != null) {
            Map<String, Object> budget = new LinkedHashMap<>();
            budget.put("description", "The most the association said it would spend on the pilot");
            budget.put("amount", money(c.budgetMaxPounds()));
            planning.put("budget", budget);
        }
        return planning;
    }

    private static Map<String, Object> tender(ContractingProcess process, Stage stage) {
        ContractingProcess.Challenge c = process.challenge();
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("id", c.id().toString());
        tender.put("title", c.title());
        tender.put("description", c.description() == null || c.description().isBlank() ? c.summary() : c.description());
        switch (stage) {
            case TENDER -> tender.put("status", "active");
            case CLOSED -> {
                tender.put("status", "active");
                tender.put("statusDetails", "Closed to responses; the association is evaluating them");
            }
            case NO_AWARD -> {
                tender.put("status", "unsuccessful");
                tender.put("statusDetails",
                        c.noAwardReason() == null ? "No award was made" : "No award was made: " + c.noAwardReason());
            }
            case WITHDRAWN -> {
                tender.put("status", "cancelled");
                tender.put("statusDetails", "Withdrawn by the association");
            }
            default -> tender.put("status", "complete");
        }
        tender.put("procuringEntity", reference(process.buyer()));
        if (c.budgetMaxPounds() != null) {
            tender.put("value", money(c.budgetMaxPounds()));
        }
        if (c.budgetMinPounds() != null) {
            tender.put("minValue", money(c.budgetMinPounds()));
        }
        tender.put("procurementMethod", "open");
        tender.put("procurementMethodDetails", "Launchpad challenge: any verified supplier may respond");
        tender.put("mainProcurementCategory", "services");
        tender.put("awardCriteria", "ratedCriteria");
        tender.put("awardCriteriaDetails", awardCriteriaDetails(c));
        tender.put("submissionMethod", List.of("electronicSubmission"));
        if (!c.essentialRequirements().isEmpty()) {
            tender.put("eligibilityCriteria", "Essential: " + String.join("; ", c.essentialRequirements()));
        }
        Map<String, Object> tenderPeriod = new LinkedHashMap<>();
        tenderPeriod.put("startDate", c.publishedAt().toString());
        if (c.closingDate() != null) {
            tenderPeriod.put("endDate", endOfDay(c.closingDate()));
        }
        tender.put("tenderPeriod", tenderPeriod);
        if (c.questionsCloseOn() != null) {
            tender.put("enquiryPeriod",
                    Map.of("startDate", c.publishedAt().toString(), "endDate", endOfDay(c.questionsCloseOn())));
        }
        if (c.pilotLengthWeeks() != null) {
            tender.put("contractPeriod", Map.of("durationInDays", c.pilotLengthWeeks() * 7));
        }
        if (stage != Stage.TENDER && stage != Stage.WITHDRAWN) {
            tender.put("numberOfTenderers", process.tenderers());
        }
        return tender;
    }

    private static String awardCriteriaDetails(ContractingProcess.Challenge c) {
        List<String> weighted = new ArrayList<>();
        for (int i = 0; i < c.criteria().size() && i < c.weights().size(); i++) {
            weighted.add(Weighting.label(c.criteria().get(i)) + " " + c.weights().get(i) + "%");
        }
        StringBuilder text = new StringBuilder(weighted.isEmpty() ? "Scored by the association"
                : "Scored out of 10 per criterion, weighted: " + String.join(", ", weighted));
        text.append('.');
        if (!c.niceToHaveRequirements().isEmpty()) {
            text.append(" Nice to have: ").append(String.join("; ", c.niceToHaveRequirements())).append('.');
        }
        return text.toString();
    }

    private Map<String, Object> award(ContractingProcess process) {
        ContractingProcess.Award award = awardOf(process);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", award.responseId().toString());
        map.put("title", process.challenge().title());
        map.put("status", "active");
        if (award.date() != null) {
            map.put("date", award.date().toString());
        }
        if (award.pricePounds() != null) {
            map.put("value", money(award.pricePounds()));
        }
        map.put("suppliers", List.of(reference(award.supplier())));
        if (process.challenge().pilotLengthWeeks() != null) {
            map.put("contractPeriod", Map.of("durationInDays", process.challenge().pilotLengthWeeks() * 7));
        }
        return map;
    }

    private Map<String, Object> contract(ContractingProcess process, boolean completed) {
        Pilot pilot = Objects.requireNonNull(process.pilot(),
                "a contract stage is released only for a process with a pilot");
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("id", pilot.id().toString());
        contract.put("awardID", awardOf(process).responseId().toString());
        contract.put("title", pilot.title());
        contract.put("description", "A pilot run through Launchpad");
        contract.put("status", completed ? "terminated" : "active");
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("startDate", pilot.createdAt().toString());
        if (completed && pilot.completedAt() != null) {
            period.put("endDate", pilot.completedAt().toString());
        }
        contract.put("period", period);
        Integer price = awardOf(process).pricePounds();
        if (price != null) {
            contract.put("value", money(price));
        }
        if (completed) {
            contract.put("implementation", implementation(pilot));
        }
        return contract;
    }

    private Map<String, Object> implementation(Pilot pilot) {
        List<Map<String, Object>> milestones = new ArrayList<>();
        for (Pilot.Milestone m : pilot.milestones()) {
            Map<String, Object> milestone = new LinkedHashMap<>();
            milestone.put("id", m.id().toString());
            milestone.put("title", m.title());
            milestone.put("type", "delivery");
            milestone.put("dueDate", m.dueOn().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
            milestone.put("status", switch (m.status()) {
                case "done" -> "met";
                case "missed" -> "notMet";
                default -> "scheduled";
            });
            milestones.add(milestone);
        }
        // outcome measures are assessments against a target: core OCDS has no field of
        // their own
        for (Pilot.Outcome o : pilot.outcomes()) {
            Map<String, Object> milestone = new LinkedHashMap<>();
            milestone.put("id", o.id().toString());
            milestone.put("title", o.measure());
            milestone.put("type", "assessment");
            milestone.put("code", "outcome-measure");
            milestone.put("description", "Baseline " + number(o.baseline()) + ", target " + number(o.target())
                    + (o.actual() == null ? "" : ", actual " + number(o.actual())) + " (" + o.unit() + ")");
            milestone.put("status", o.actual() == null ? "scheduled" : o.met() ? "met" : "notMet");
            milestones.add(milestone);
        }
        Map<String, Object> implementation = new LinkedHashMap<>();
        implementation.put("milestones", milestones);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", pilot.id() + "-final-report");
        report.put("documentType", "physicalProgressReport");
        report.put("title", "Final report of the pilot");
        if (pilot.finalReport() != null) {
            report.put("description", pilot.finalReport());
        }
        report.put("url", apiBaseUrl + "/api/v1/pilots/" + pilot.id());
        report.put("format", "application/json");
        report.put("language", "en");
        if (pilot.completedAt() != null) {
            report.put("datePublished", pilot.completedAt().toString());
        }
        implementation.put("documents", List.of(report));
        return implementation;
    }

    private static Map<String, Object> money(int pounds) {
        return Map.of("amount", pounds, "currency", CURRENCY);
    }

    private static String endOfDay(LocalDate day) {
        return day.atTime(23, 59, 59).toInstant(ZoneOffset.UTC).toString();
    }

    /**
     * The award, contract and implementation stages are released only for an awarded
     * process.
     */
    private static ContractingProcess.Award awardOf(ContractingProcess process) {
        return Objects.requireNonNull(process.award(), "an award stage is released only for an awarded process");
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

}
