package io.launchpad.web.organisation;

import org.jspecify.annotations.Nullable;

/**
 * One of an organisation's numbers on a public register, as the API lists it
 * ({@code registers}): the scheme (org-id.guide code), the number and the register's
 * name, shown as "Companies House: 01234567".
 */
public record Register(@Nullable String scheme, String id, @Nullable String register) {

    /**
     * "Companies House: 01234567"; the scheme's code when the API gave no register name.
     */
    public String label() {
        return (register == null || register.isBlank() ? String.valueOf(scheme) : register) + ": " + id;
    }

    /**
     * Where to look the number up, for the registers whose public pages have a stable
     * address keyed by the number (Companies House, the Charity Commission for England
     * and Wales); null for the others, whose search pages take no number in the address,
     * so the admin searches them by hand.
     */
    public @Nullable String lookup() {
        if (!id.matches("[A-Za-z0-9]{1,20}")) {
            return null; // the API tidies numbers to letters and digits; anything else is
                         // no address of ours to build
        }
        if ("GB-COH".equals(scheme)) {
            return "https://find-and-update.company-information.service.gov.uk/company/" + id;
        }
        if ("GB-CHC".equals(scheme)) {
            return "https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/" + id;
        }
        return null;
    }
}
