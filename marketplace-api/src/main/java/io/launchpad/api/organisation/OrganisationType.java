package io.launchpad.api.organisation;

import io.launchpad.api.security.Caller;

public enum OrganisationType {

    ASSOCIATION(Caller.Role.ASSOCIATION), SUPPLIER(Caller.Role.SUPPLIER);

    private final Caller.Role memberRole;

    OrganisationType(Caller.Role memberRole) {
        this.memberRole = memberRole;
    }

    /** The realm role a person needs to act for an organisation of this type. */
    public Caller.Role memberRole() {
        return memberRole;
    }

    public String code() {
        return name().toLowerCase();
    }

    public static OrganisationType fromCode(String code) {
        return valueOf(code.toUpperCase());
    }

}
