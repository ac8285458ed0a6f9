package nl.kunstloc.publieksdata.platform.security;

/** The pilot's roles. Role names double as the groups the identity store returns and as Camunda candidate groups. */
public enum Role {
    COORDINATOR,
    INSTITUTION_MEMBER,
    DIRECTOR,
    POLICYMAKER,
    ADMIN;

    /** Roles that belong to one institution: a user holding them must have an institution. */
    public boolean isInstitutionRole() {
        return this == INSTITUTION_MEMBER || this == DIRECTOR;
    }

    /** The message key of the role's name in the user's language. */
    public String messageKey() {
        return "role." + name();
    }
}
