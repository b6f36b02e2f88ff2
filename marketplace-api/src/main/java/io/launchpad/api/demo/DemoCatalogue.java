package io.launchpad.api.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The demo marketplace: the people in the Keycloak realm's demo users and the
 * organisations they act for, housing-specific suppliers and challenges, and 80 real
 * suppliers from the Digital Outcomes and Specialists export (with the titles of the
 * public-sector work they won).
 */
public final class DemoCatalogue {

    public record DemoOrganisation(String name, String type, List<String> memberSubjects) {
    }

    public record DemoSupplier(String organisation, String name, String summary, String capabilities, String products,
            String caseStudies, List<String> regions, List<String> accreditations, String size) {
    }

    public record DemoChallenge(String organisation, String title, String summary, String description,
            List<String> categories, List<String> regions, @Nullable Integer budgetMin, @Nullable Integer budgetMax,
            int closesInDays, boolean published) {
    }

    // Fixed ids of the demo users in infra/keycloak/realm/launchpad-realm.json
    public static final String AMARA = "7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e01";

    public static final String BEN = "7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e02";

    public static final String SOFIA = "7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e03";

    public static final String TOM = "7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e04";

    private DemoCatalogue() {
    }

    public static List<DemoOrganisation> organisations() {
        List<DemoOrganisation> organisations = new ArrayList<>(
                List.of(new DemoOrganisation("Riverside Housing", "association", List.of(AMARA)),
                        new DemoOrganisation("Northgate Homes", "association", List.of(BEN)),
                        new DemoOrganisation("Sensorly", "supplier", List.of(SOFIA)),
                        new DemoOrganisation("FixFlow", "supplier", List.of(TOM))));
        suppliers().stream()
            .map(DemoSupplier::organisation)
            .filter(name -> organisations.stream().noneMatch(o -> o.name().equals(name)))
            .forEach(name -> organisations.add(new DemoOrganisation(name, "supplier", List.of())));
        return organisations;
    }

    public static List<DemoSupplier> suppliers() {
        List<DemoSupplier> suppliers = new ArrayList<>(housingSuppliers());
        suppliers.addAll(digitalMarketplaceSuppliers());
        return suppliers;
    }

    private static List<DemoSupplier> housingSuppliers() {
        return List.of(new DemoSupplier("Sensorly", "Sensorly",
                "Wireless humidity and temperature sensors that warn landlords before condensation turns into mould.",
                "Early warning of damp and mould risk from room humidity, temperature and ventilation readings; "
                        + "dashboards that rank homes by risk; alerts to repairs teams; tenant advice on heating and ventilation.",
                "Sensorly Home Sense sensor kit; Sensorly Portfolio dashboard with API",
                "Installed 4,000 sensors for a northern housing association; condensation complaints fell by a third in one winter.",
                List.of("north-west", "north-east", "yorkshire-and-the-humber"),
                List.of("cyber-essentials-plus", "iso-27001"), "small"),
                new DemoSupplier("FixFlow", "FixFlow",
                        "Repairs reporting that tenants can use from a phone, with photos, and that schedules the right trade.",
                        "Mobile repair reporting with photos and video; triage of repair requests; appointment booking; "
                                + "job tracking for operatives; integration with housing management systems.",
                        "FixFlow Tenant app; FixFlow Operative app",
                        "Moved 70% of repair requests online for a 20,000-home landlord within a year.",
                        List.of("london", "south-east", "north-east", "remote"),
                        List.of("cyber-essentials", "iso-9001"), "medium"),
                new DemoSupplier("DampWatch Analytics", "DampWatch Analytics",
                        "Predictive analytics that find homes at risk of damp, condensation and disrepair claims.",
                        "Machine learning on stock condition, repairs history and EPC data to predict damp and mould; "
                                + "prioritised inspection lists; disrepair claim risk.",
                        "DampWatch Risk Model", "Predicted 80% of mould cases before reports at a Midlands landlord.",
                        List.of("west-midlands", "east-midlands", "remote"), List.of("cyber-essentials"), "micro"),
                new DemoSupplier("Warmer Homes Retrofit", "Warmer Homes Retrofit",
                        "Whole-house retrofit planning and delivery to cut fuel poverty and carbon.",
                        "Retrofit assessment and coordination to PAS 2035; insulation, heat pumps and solar; "
                                + "energy performance modelling; funding bids for social housing decarbonisation.",
                        "Retrofit planner", "Raised 600 homes from EPC D to C.",
                        List.of("south-west", "wales", "south-east"), List.of("pas-2035", "trustmark", "iso-14001"),
                        "medium"),
                new DemoSupplier("TenantVoice", "TenantVoice",
                        "Resident engagement and satisfaction surveys by text message, web and phone.",
                        "Tenant satisfaction measures surveys; resident panels; complaint analytics; accessible communication.",
                        "TenantVoice Surveys", "Ran Tenant Satisfaction Measures for 12 landlords.",
                        List.of("london", "east-of-england", "remote"), List.of("cyber-essentials"), "small"),
                new DemoSupplier("RentSense", "RentSense",
                        "Income analytics that spot tenants heading into rent arrears and suggest support early.",
                        "Arrears prediction; payment pattern analytics; welfare benefit checks; income officer caseload tools.",
                        "RentSense Income", "Cut arrears by 12% for a London landlord.",
                        List.of("london", "south-east", "remote"), List.of("cyber-essentials-plus", "iso-27001"),
                        "small"),
                new DemoSupplier("CareAlert", "CareAlert",
                        "Assistive technology and telecare that help older and disabled residents live independently.",
                        "Telecare alarms; fall detection; digital switchover of analogue alarms; 24/7 monitoring centre.",
                        "CareAlert Hub", "Moved 9,000 sheltered housing alarms to digital.",
                        List.of("scotland", "north-east", "yorkshire-and-the-humber"),
                        List.of("iso-9001", "iso-27001", "dspt"), "medium"));
    }

    private static List<DemoSupplier> digitalMarketplaceSuppliers() {
        List<DemoSupplier> suppliers = new ArrayList<>();
        for (String[] row : csv("demo/dos-suppliers.csv")) {
            String name = row[0];
            List<String> regions = Arrays.asList(row[2].split(" "));
            String wins = row[3];
            suppliers.add(new DemoSupplier(name, name,
                    "Digital delivery partner to the public sector (from the Digital Outcomes and Specialists framework).",
                    "Public-sector digital outcomes and specialists; recent work won: " + wins.replace(" | ", "; "), "",
                    "Contracts won on the Digital Marketplace: " + wins.replace(" | ", "; "), regions, List.of(),
                    row[1]));
        }
        return suppliers;
    }

    public static List<DemoChallenge> challenges() {
        return List.of(new DemoChallenge("Riverside Housing", "Cut damp and mould reports with early sensing",
                "Find damp and mould early in our homes, before tenants have to report it.",
                "We own 12,000 homes across the North West. Reports of damp, condensation and black mould in "
                        + "bathrooms and bedrooms have doubled since 2022. We want to pilot sensors or analytics "
                        + "that warn us of high humidity and poor ventilation so our repairs team can act before "
                        + "mould appears, and give tenants advice they can act on.",
                List.of("damp-and-mould", "iot-and-sensors"), List.of("north-west"), 20_000, 60_000, 45, true),
                new DemoChallenge("Riverside Housing", "Decide which homes to retrofit first",
                        "Rank our homes for retrofit so grant funding goes where fuel poverty is worst.",
                        "We need a model of energy performance, fabric condition and tenant fuel poverty to plan insulation "
                                + "and heat pump installs over five years.",
                        List.of("energy-retrofit-and-fuel-poverty"), List.of("north-west"), 30_000, 90_000, 60, false),
                new DemoChallenge("Northgate Homes", "Let tenants report repairs from a phone",
                        "Tenants should be able to report a repair in two minutes, with a photo, and book a visit.",
                        "Most repairs are reported by phone and a third are misdiagnosed, so operatives arrive without the "
                                + "right parts. We want a mobile repairs reporting service with photos, triage and appointment "
                                + "booking that works with our housing management system.",
                        List.of("repairs-and-maintenance", "tenant-engagement"), List.of("north-east"), 25_000, 75_000,
                        30, true),
                new DemoChallenge("Northgate Homes", "Spot rent arrears early and offer support",
                        "Find tenants at risk of arrears early and connect them with support before debt builds up.",
                        "Our income team works from a monthly arrears list. We want analytics on payment patterns and "
                                + "benefit changes that flag households who may need help, and tools for income officers.",
                        List.of("income-and-arrears", "ai-and-automation"), List.of("north-east", "remote"), 15_000,
                        40_000, 40, true),
                new DemoChallenge("Northgate Homes", "Keep older residents safe at home",
                        "Replace analogue alarms in sheltered schemes with digital telecare before the switch-off.",
                        "850 residents in sheltered housing rely on analogue alarms. We want digital telecare with fall "
                                + "detection and a monitoring service, installed with minimal disruption.",
                        List.of("assistive-technology"), List.of("north-east"), 50_000, 150_000, 50, true),
                // Real briefs from the Digital Outcomes and Specialists export, posted
                // there by housing providers
                new DemoChallenge("Northgate Homes", "Online repairs service",
                        "Adapted from Digital Marketplace opportunity 4722 (livin Housing Limited, North East England).",
                        "An online repairs service for tenants to report and track repairs, replacing phone and email.",
                        List.of("repairs-and-maintenance"), List.of("north-east"), null, null, 35, true),
                new DemoChallenge("Riverside Housing", "Design & build a customer portal for tenants",
                        "Adapted from Digital Marketplace opportunity 5071 (Clarion Housing Group, London).",
                        "A customer portal where residents pay rent, report repairs and manage their tenancy online.",
                        List.of("tenant-engagement", "repairs-and-maintenance"), List.of("london", "north-west"), null,
                        null, 55, true),
                new DemoChallenge("Riverside Housing",
                        "Case management to support income collection for social housing tenants",
                        "Adapted from Digital Marketplace opportunity 6114 (Hackney Council, London).",
                        "Developing an MVP case management solution to support income collection for social housing tenants.",
                        List.of("income-and-arrears"), List.of("north-west", "remote"), null, null, 25, true));
    }

    /**
     * Closing dates are relative to today so the demo never shows only closed challenges.
     */
    public static LocalDate closingDate(DemoChallenge challenge, LocalDate today) {
        return today.plusDays(challenge.closesInDays());
    }

    private static List<String[]> csv(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                rows.add(parse(line));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** RFC 4180 fields: quoted fields may hold commas and doubled quotes. */
    private static String[] parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            }
            else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }

}
