package io.launchpad.api.opendata;

import java.util.List;

/**
 * A step in a challenge's public life, and the OCDS release tags it is published under.
 */
enum Stage {

    TENDER("tender", List.of("tender")), CLOSED("closed", List.of("tenderUpdate")), AWARD("award", List.of("award")),
    NO_AWARD("no-award", List.of("tenderUpdate")), WITHDRAWN("withdrawn", List.of("tenderCancellation")),
    CONTRACT("contract", List.of("contract")),
    IMPLEMENTATION("implementation", List.of("implementation", "contractTermination"));

    private final String code;

    private final List<String> tags;

    Stage(String code, List<String> tags) {
        this.code = code;
        this.tags = tags;
    }

    String code() {
        return code;
    }

    List<String> tags() {
        return tags;
    }

    static Stage of(String code) {
        for (Stage stage : values()) {
            if (stage.code.equals(code)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("unknown stage " + code);
    }

}
