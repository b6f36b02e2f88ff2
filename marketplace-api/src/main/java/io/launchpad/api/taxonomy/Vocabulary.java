package io.launchpad.api.taxonomy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The controlled vocabularies challenges and profiles are tagged with. Codes are stable API values;
 * labels are for people. (Issue 3 turns this into versioned data with synonyms.)
 */
public enum Vocabulary {

    CATEGORY(ordered(
            "repairs-and-maintenance", "Repairs and maintenance",
            "damp-and-mould", "Damp and mould",
            "energy-retrofit-and-fuel-poverty", "Energy, retrofit and fuel poverty",
            "tenant-engagement", "Tenant engagement and communication",
            "data-quality-and-governance", "Data quality and information governance",
            "ai-and-automation", "AI and automation",
            "iot-and-sensors", "IoT and sensors",
            "assistive-technology", "Assistive technology and independent living",
            "cyber-security", "Cyber security",
            "income-and-arrears", "Income, rent and arrears",
            "allocations-and-homelessness", "Allocations and homelessness",
            "development-and-net-zero", "Development and net zero")),

    REGION(ordered(
            "north-east", "North East",
            "north-west", "North West",
            "yorkshire-and-the-humber", "Yorkshire and The Humber",
            "east-midlands", "East Midlands",
            "west-midlands", "West Midlands",
            "east-of-england", "East of England",
            "london", "London",
            "south-east", "South East",
            "south-west", "South West",
            "wales", "Wales",
            "scotland", "Scotland",
            "northern-ireland", "Northern Ireland",
            "remote", "Remote")),

    ACCREDITATION(ordered(
            "cyber-essentials", "Cyber Essentials",
            "cyber-essentials-plus", "Cyber Essentials Plus",
            "iso-27001", "ISO/IEC 27001",
            "iso-9001", "ISO 9001",
            "iso-14001", "ISO 14001",
            "dspt", "Data Security and Protection Toolkit",
            "trustmark", "TrustMark",
            "pas-2035", "PAS 2035 retrofit")),

    ORGANISATION_SIZE(ordered(
            "micro", "Micro (fewer than 10 staff)",
            "small", "Small (10 to 49 staff)",
            "medium", "Medium (50 to 249 staff)",
            "large", "Large (250 staff or more)"));

    private final Map<String, String> labels;

    Vocabulary(Map<String, String> labels) {
        this.labels = labels;
    }

    public boolean knows(String code) {
        return code != null && labels.containsKey(code);
    }

    public Map<String, String> labels() {
        return labels;
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            map.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
