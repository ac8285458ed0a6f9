package nl.kunstloc.publieksdata.institution.entity;

/** Where an institution stands in the pilot. */
public enum InstitutionStatus {
    /** applied through the public form; a coordinator decides */
    APPLIED,
    /** invited; the contact person has not yet accepted */
    INVITED,
    /** the institution is completing its profile */
    ONBOARDING,
    /** profile submitted; waiting for the coordinator's review */
    SUBMITTED,
    /** approved: a participant of the pilot */
    ACTIVE,
    /** application declined */
    DECLINED,
    /** onboarding cancelled by a coordinator */
    CANCELLED;

    public String messageKey() {
        return "institution.status." + name();
    }
}
