package io.launchpad.api.demo;

import io.launchpad.api.candidate.Experience;
import io.launchpad.api.candidate.SkillLevel;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The demo of Digital on Board: open board roles at the demo associations and fictional
 * digital leaders who chose to be matched. Skills and levels are codes of the capability
 * framework ({@code frameworks/board-skills-framework-v2.json}); regions are taxonomy
 * codes. The candidates' subjects are fixed ids no one can sign in as; the demo candidate
 * login (chidi.eze) has no profile, so whoever tries the product creates it themselves.
 */
final class DemoBoardCatalogue {

    record DemoBoardRole(String organisation, String title, String description, List<SkillLevel> skillsMatrix,
            List<SkillLevel> skillGaps, String timeCommitment, int hoursPerMonth, String remuneration,
            String remunerationDetail, String region, boolean remote, int closesInDays, String diversityAims) {
    }

    /**
     * {@code livedExperience} is shared only with consent: the loader sends the consent
     * with it.
     */
    record DemoCandidate(String subject, String name, String email, String headline, List<SkillLevel> skills,
            List<Experience> experience, @Nullable String governanceExperience, int governanceYears,
            @Nullable String livedExperience, String availability, int hoursPerMonth, String region, boolean remote,
            String visibility) {
    }

    private DemoBoardCatalogue() {
    }

    static List<DemoBoardRole> roles() {
        return List.of(new DemoBoardRole("Riverside Housing", "Digital and data trustee",
                "Riverside Housing manages 14,000 homes across the North West. Our new corporate plan moves "
                        + "repairs, rent and complaints online and uses our data to find damp, disrepair and "
                        + "hardship earlier. The board needs a trustee who can challenge and support that work: "
                        + "how we govern tenants' data, whether our digital services work for every resident, "
                        + "and whether we are ready for a cyber attack.",
                List.of(skill("financial-management", "expert"),
                        skill("stakeholder-relationship-management", "practitioner"),
                        skill("strategic-thinking", "practitioner"), skill("service-management", "working")),
                List.of(skill("data-governance", "practitioner"), skill("data-ethics-and-privacy", "practitioner"),
                        skill("digital-perspective", "practitioner"), skill("information-security", "working"),
                        skill("user-focus", "working")),
                "Six board meetings a year, an away day and a seat on one committee", 10, "remunerated",
                "£6,000 a year", "north-west", true, 42,
                "No one on our board has lived experience of social housing and none is under 40. We "
                        + "particularly welcome applications from residents of social housing, from younger "
                        + "people and from Black, Asian and minority ethnic candidates."),
                new DemoBoardRole("Riverside Housing", "Chair of the technology and change committee",
                        "The committee oversees our five-year technology programme: replacing the housing management "
                                + "system, moving to the cloud and retiring paper processes. Its chair joins the main "
                                + "board, leads assurance on a £12 million programme and reports on delivery and risk.",
                        List.of(skill("financial-management", "expert"), skill("strategic-thinking", "expert"),
                                skill("data-governance", "working")),
                        List.of(skill("digital-perspective", "expert"),
                                skill("enterprise-architecture", "practitioner"),
                                skill("security-risk-management", "practitioner"),
                                skill("agile-working", "practitioner"), skill("commercial-management", "practitioner")),
                        "Four committee meetings and six board meetings a year, in Manchester", 14, "remunerated",
                        "£8,500 a year", "north-west", false, 56,
                        "We want a board that reflects the communities we serve and welcome applicants who have "
                                + "not held a chair's role before."),
                new DemoBoardRole("Northgate Homes", "Board member for customer experience and digital services",
                        "Northgate Homes is redesigning how its 9,000 households reach us: repairs from a phone, "
                                + "online rent accounts and a tenant portal. We need a board member who puts residents' "
                                + "needs first and can tell whether a digital service is accessible to everyone, "
                                + "including older and disabled residents.",
                        List.of(skill("financial-management", "practitioner"),
                                skill("stakeholder-relationship-management", "expert"),
                                skill("information-security", "working")),
                        List.of(skill("user-focus", "expert"), skill("user-research", "practitioner"),
                                skill("inclusive-design", "practitioner"),
                                skill("digital-perspective", "practitioner")),
                        "Eight board meetings a year, mostly online", 8, "remunerated", "£5,000 a year", "north-east",
                        true, 35,
                        "Half of our residents are over 60 and one in four is disabled; we would like our board to "
                                + "include people who share those experiences."),
                new DemoBoardRole("Northgate Homes", "Audit and risk committee member (cyber security)",
                        "A co-opted place on our audit and risk committee for someone who can test our cyber "
                                + "security, incident response and data protection, and tell the board plainly where "
                                + "the risks are.",
                        List.of(skill("financial-management", "expert"), skill("service-management", "practitioner")),
                        List.of(skill("information-security", "expert"), skill("security-risk-management", "expert"),
                                skill("incident-management", "practitioner"), skill("data-governance", "working")),
                        "Four committee meetings a year, online", 6, "voluntary", "Travel and care expenses paid",
                        "north-east", true, 28,
                        "We welcome applicants from every background, and those new to board roles."));
    }

    static List<DemoCandidate> candidates() {
        return List.of(
                new DemoCandidate("5b1d0c7e-2f4a-4c1e-9d6b-0a1b2c3d4e01", "Priya Raman", "priya.raman@example.org",
                        "Chief data officer in local government, ready for a housing board",
                        List.of(skill("data-governance", "expert"), skill("data-management", "expert"),
                                skill("data-ethics-and-privacy", "practitioner"),
                                skill("digital-perspective", "practitioner"), skill("information-security", "working")),
                        List.of(experience("Chief data officer", "local government", 5),
                                experience("Head of business intelligence", "social housing", 7)),
                        "Trustee of a tenants' advice charity and member of its finance and risk committee.", 3, null,
                        "within-3-months", 12, "north-west", true, "public"),
                new DemoCandidate("5b1d0c7e-2f4a-4c1e-9d6b-0a1b2c3d4e02", "Daniel Okoro", "daniel.okoro@example.org",
                        "Former digital director of a housing group",
                        List.of(skill("digital-perspective", "expert"), skill("agile-working", "expert"),
                                skill("stakeholder-relationship-management", "expert"),
                                skill("commercial-management", "practitioner"), skill("user-focus", "practitioner"),
                                skill("enterprise-architecture", "working")),
                        List.of(experience("Director of digital", "social housing", 6),
                                experience("Head of IT", "retail", 8)),
                        "Non-executive director of a further education college; chaired its IT strategy group.", 6,
                        null, "immediately", 16, "north-east", true, "matching"),
                new DemoCandidate("5b1d0c7e-2f4a-4c1e-9d6b-0a1b2c3d4e03", "Helen Marsh", "helen.marsh@example.org",
                        "Head of cyber security in the NHS",
                        List.of(skill("information-security", "expert"), skill("security-risk-management", "expert"),
                                skill("incident-management", "expert"), skill("service-management", "practitioner"),
                                skill("data-governance", "working")),
                        List.of(experience("Head of cyber security", "health", 9),
                                experience("Security analyst", "financial services", 4)),
                        "A year as a school governor.", 1, null, "immediately", 8, "yorkshire-and-the-humber", true,
                        "matching"),
                new DemoCandidate("5b1d0c7e-2f4a-4c1e-9d6b-0a1b2c3d4e04", "Grace Adeyemi", "grace.adeyemi@example.org",
                        "User researcher and service designer",
                        List.of(skill("user-research", "expert"), skill("user-focus", "expert"),
                                skill("inclusive-design", "practitioner"),
                                skill("community-collaboration", "practitioner"),
                                skill("data-analysis-and-synthesis", "working")),
                        List.of(experience("Lead user researcher", "central government", 6),
                                experience("Service designer", "charity", 3)),
                        "Chair of a residents' scrutiny panel.", 2,
                        "I have rented from a housing association for twelve years and chair our residents' "
                                + "scrutiny panel.",
                        "within-3-months", 8, "north-west", true, "matching"),
                new DemoCandidate("5b1d0c7e-2f4a-4c1e-9d6b-0a1b2c3d4e05", "Marcus Bell", "marcus.bell@example.org",
                        "Enterprise architect moving into non-executive roles",
                        List.of(skill("enterprise-architecture", "expert"),
                                skill("making-architectural-decisions", "expert"),
                                skill("strategic-thinking", "practitioner"), skill("it-infrastructure", "practitioner"),
                                skill("lifecycle-perspective", "practitioner"),
                                skill("security-risk-management", "working")),
                        List.of(experience("Enterprise architect", "utilities", 11),
                                experience("Solutions architect", "telecoms", 5)),
                        null, 0, null, "later", 6, "london", true, "matching"),
                new DemoCandidate("5b1d0c7e-2f4a-4c1e-9d6b-0a1b2c3d4e06", "Sarah Lindqvist",
                        "sarah.lindqvist@example.org", "Product director in financial services, trustee of a food bank",
                        List.of(skill("agile-working", "expert"), skill("commercial-management", "expert"),
                                skill("user-focus", "practitioner"), skill("financial-management", "practitioner"),
                                skill("data-innovation", "practitioner"), skill("digital-perspective", "practitioner")),
                        List.of(experience("Product director", "financial services", 7),
                                experience("Product manager", "e-commerce", 5)),
                        "Trustee of a food bank; leads its work on digital referrals.", 2, null, "immediately", 10,
                        "south-east", true, "public"),
                new DemoCandidate("5b1d0c7e-2f4a-4c1e-9d6b-0a1b2c3d4e07", "Tomasz Nowak", "tomasz.nowak@example.org",
                        "Head of IT at a housing association",
                        List.of(skill("service-management", "expert"), skill("it-infrastructure", "expert"),
                                skill("incident-management", "practitioner"),
                                skill("information-security", "practitioner"), skill("digital-perspective", "working")),
                        List.of(experience("Head of IT", "social housing", 8),
                                experience("Infrastructure manager", "local government", 6)),
                        null, 0, null, "within-3-months", 6, "north-east", false, "matching"),
                new DemoCandidate("5b1d0c7e-2f4a-4c1e-9d6b-0a1b2c3d4e08", "Rhian Price", "rhian.price@example.org",
                        "Data scientist and community organiser",
                        List.of(skill("data-analysis-and-synthesis", "expert"), skill("data-innovation", "expert"),
                                skill("data-ethics-and-privacy", "practitioner"),
                                skill("programming-and-build", "practitioner"),
                                skill("community-collaboration", "practitioner")),
                        List.of(experience("Data scientist", "charity", 5),
                                experience("Community organiser", "voluntary sector", 4)),
                        "Trustee of a community energy co-operative.", 3, null, "immediately", 8, "wales", true,
                        "matching"));
    }

    private static SkillLevel skill(String code, String level) {
        return new SkillLevel(code, level);
    }

    private static Experience experience(String role, String sector, int years) {
        return new Experience(role, sector, years);
    }

}
