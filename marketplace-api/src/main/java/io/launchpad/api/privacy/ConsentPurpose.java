package io.launchpad.api.privacy;

import org.jspecify.annotations.Nullable;

/**
 * Why we process something; a consent names exactly one purpose. Codes are stable API
 * values.
 */
public enum ConsentPurpose {

    /** Keep a candidate profile and show it as its visibility says. */
    CANDIDATE_PROFILE("candidate-profile", "Keep my board-candidate profile and use it as its visibility says"),
    /**
     * Store self-declared lived experience of social housing (special care: it can reveal
     * circumstances).
     */
    LIVED_EXPERIENCE("lived-experience", "Store my self-declared lived experience of social housing"),
    /** Rank the profile for associations' board roles (never with identifying fields). */
    MATCHING("matching", "Rank my profile for associations' board roles without my identifying fields"),
    /**
     * Email about the profile (retention warnings are sent regardless: they protect the
     * person).
     */
    EMAIL_UPDATES("email-updates", "Email me about board roles that match my profile");

    private final String code;

    private final String wording;

    ConsentPurpose(String code, String wording) {
        this.code = code;
        this.wording = wording;
    }

    public String code() {
        return code;
    }

    public String wording() {
        return wording;
    }

    public static @Nullable ConsentPurpose fromCode(String code) {
        for (ConsentPurpose purpose : values()) {
            if (purpose.code.equals(code)) {
                return purpose;
            }
        }
        return null;
    }

}
