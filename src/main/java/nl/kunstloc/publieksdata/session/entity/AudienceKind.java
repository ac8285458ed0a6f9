package nl.kunstloc.publieksdata.session.entity;

/** Which institutions a session is for. */
public enum AudienceKind {
    ALL_INSTITUTIONS, INSTITUTION_TYPE, CHOSEN_INSTITUTIONS;

    public String messageKey() {
        return "session.audience." + name();
    }
}
