package nl.kunstloc.publieksdata.session.entity;

/** Where a session stands; registration is only possible while PLANNED. */
public enum SessionStatus {
    /** invitations out, registration open until the deadline */
    PLANNED,
    /** the deadline passed; waiting for the session to take place */
    REGISTRATION_CLOSED,
    /** attendance recorded; evaluations come in */
    HELD,
    /** notes published to the knowledge base */
    PUBLISHED,
    CANCELLED;

    public String messageKey() {
        return "session.status." + name();
    }
}
