package io.launchpad.api.organisation;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.FieldViolation;
import io.launchpad.api.problem.ProblemType;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * An organisation's numbers on the UK's public registers, so that people (and, later,
 * open data) can tell which real body it is: Companies House, the three charity
 * regulators, the mutuals register (most housing associations are community benefit
 * societies) and the social housing regulators of England, Scotland and Wales. Each is
 * optional. None of these numbers carries a check digit, so the check is the register's
 * format; typing habits (spaces, lower case, a company number without its leading zeros)
 * are tidied, not refused.
 *
 * @param companyNumber Companies House: 8 digits, or 2 letters and 6 digits (SC, NI, OC,
 * ...)
 * @param charityNumber Charity Commission for England and Wales (6 or 7 digits), Scottish
 * Charity Regulator (SC and 6 digits) or Charity Commission for Northern Ireland (NIC and
 * 6 digits)
 * @param mutualsNumber FCA Mutuals Public Register: digits, optionally followed by R
 * (e.g. 31367R), or RS and 6 digits
 * @param socialHousingEngland Regulator of Social Housing: 4 digits after up to two
 * letters (e.g. L4426, LH0174, 4810)
 * @param socialHousingScotland Scottish Housing Regulator: 1 to 4 digits after up to
 * three letters (e.g. HAL141, 212)
 * @param socialHousingWales Welsh Government register of social landlords: 1 to 4 digits
 * after up to three letters
 */
public record SectorIdentifiers(@Nullable String companyNumber, @Nullable String charityNumber,
        @Nullable String mutualsNumber, @Nullable String socialHousingEngland, @Nullable String socialHousingScotland,
        @Nullable String socialHousingWales) {

    /**
     * One identifier as open data names it: the register's scheme (org-id.guide where it
     * has one) and the number.
     */
    public record Identifier(String scheme, String id, String register) {
    }

    private static final Pattern COMPANY = Pattern.compile("\\d{8}|[A-Z]{2}\\d{6}");

    private static final Pattern CHARITY_ENGLAND_WALES = Pattern.compile("\\d{6,7}");

    private static final Pattern CHARITY_SCOTLAND = Pattern.compile("SC\\d{6}");

    private static final Pattern CHARITY_NORTHERN_IRELAND = Pattern.compile("NIC\\d{6}");

    private static final Pattern MUTUALS = Pattern.compile("\\d{1,6}R?|RS\\d{6}");

    private static final Pattern SOCIAL_HOUSING_ENGLAND = Pattern.compile("[A-Z]{0,2}\\d{4}");

    private static final Pattern SOCIAL_HOUSING_DEVOLVED = Pattern.compile("[A-Z]{0,3}\\d{1,4}");

    public static SectorIdentifiers none() {
        return new SectorIdentifiers(null, null, null, null, null, null);
    }

    /**
     * The same identifiers tidied (upper case, no spaces, a short company number padded
     * with zeros), or a 422 naming every field that is not in its register's format, all
     * at once.
     */
    public SectorIdentifiers normalised(String prefix) {
        List<FieldViolation> problems = new ArrayList<>();
        String company = tidy(companyNumber);
        if (company != null && company.matches("\\d{1,7}")) {
            company = "0".repeat(8 - company.length()) + company;
        }
        check(problems, prefix + "companyNumber", company,
                COMPANY.matcher(company == null ? "" : company).matches() && !"00000000".equals(company),
                "8 digits, or 2 letters and 6 digits, as Companies House shows it");
        String charity = tidy(charityNumber);
        check(problems, prefix + "charityNumber", charity,
                charity != null && (CHARITY_ENGLAND_WALES.matcher(charity).matches()
                        || CHARITY_SCOTLAND.matcher(charity).matches()
                        || CHARITY_NORTHERN_IRELAND.matcher(charity).matches()),
                "6 or 7 digits (England and Wales), SC and 6 digits (Scotland) or NIC and 6 digits (Northern Ireland)");
        String mutuals = tidy(mutualsNumber);
        check(problems, prefix + "mutualsNumber", mutuals, mutuals != null && MUTUALS.matcher(mutuals).matches(),
                "the register number, such as 31367R or RS007890");
        String england = tidy(socialHousingEngland);
        check(problems, prefix + "socialHousingEngland", england,
                england != null && SOCIAL_HOUSING_ENGLAND.matcher(england).matches(),
                "the Regulator of Social Housing's registration number, such as L4426 or 4810");
        String scotland = tidy(socialHousingScotland);
        check(problems, prefix + "socialHousingScotland", scotland,
                scotland != null && SOCIAL_HOUSING_DEVOLVED.matcher(scotland).matches(),
                "the Scottish Housing Regulator's registration number, such as HAL141");
        String wales = tidy(socialHousingWales);
        check(problems, prefix + "socialHousingWales", wales,
                wales != null && SOCIAL_HOUSING_DEVOLVED.matcher(wales).matches(),
                "the Welsh Government's registration number, such as L001");
        if (!problems.isEmpty()) {
            throw ApiProblem.fields(ProblemType.INVALID_IDENTIFIER, problems, HttpHeaders.EMPTY);
        }
        return new SectorIdentifiers(company, charity, mutuals, england, scotland, wales);
    }

    /**
     * Each identifier with its scheme, in the order open data lists them (legal body
     * first).
     */
    public List<Identifier> listed() {
        List<Identifier> listed = new ArrayList<>();
        add(listed, "GB-COH", companyNumber, "Companies House");
        if (charityNumber != null) {
            if (charityNumber.startsWith("SC")) {
                listed.add(new Identifier("GB-SC", charityNumber, "Scottish Charity Regulator"));
            }
            else if (charityNumber.startsWith("NIC")) {
                listed.add(new Identifier("GB-NIC", charityNumber.substring(3),
                        "Charity Commission for Northern Ireland"));
            }
            else {
                listed.add(new Identifier("GB-CHC", charityNumber, "Charity Commission for England and Wales"));
            }
        }
        add(listed, "GB-MPR", mutualsNumber, "Mutuals Public Register");
        add(listed, "GB-SHPE", socialHousingEngland, "Regulator of Social Housing");
        // no org-id.guide scheme exists for these two registers yet: named as Launchpad's
        // own
        add(listed, "XI-LAUNCHPAD-SHR", socialHousingScotland, "Scottish Housing Regulator");
        add(listed, "XI-LAUNCHPAD-WRSL", socialHousingWales, "Welsh Government register of social landlords");
        return listed;
    }

    private static void add(List<Identifier> listed, String scheme, @Nullable String id, String register) {
        if (id != null) {
            listed.add(new Identifier(scheme, id, register));
        }
    }

    private static void check(List<FieldViolation> problems, String field, @Nullable String value, boolean valid,
            String expected) {
        if (value != null && !valid) {
            problems.add(new FieldViolation(field, "format", "must be " + expected));
        }
    }

    private static @Nullable String tidy(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String tidied = value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return tidied.isEmpty() ? null : tidied;
    }
}
