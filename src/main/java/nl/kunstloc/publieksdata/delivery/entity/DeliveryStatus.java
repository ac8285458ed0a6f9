package nl.kunstloc.publieksdata.delivery.entity;

/** Where a delivery stands; the process decides the transitions, {@link Delivery} enforces them. */
public enum DeliveryStatus {
    /** Stored, waiting for the validation job. */
    UPLOADED,
    VALIDATING,
    /** Validation found problems: the institution fixes, replaces or accepts. */
    NEEDS_ATTENTION,
    /** Nothing could be read (no header, not a table): only a corrected file helps. */
    REJECTED,
    IN_REVIEW,
    VALIDATED,
    /** Replaced by a corrected file (a newer version); its rows are gone. */
    SUPERSEDED,
    /** Stopped before it was validated (the agreement ended, or its institution did not act for weeks); its rows and file are gone. */
    STOPPED;

    public String messageKey() {
        return "delivery.status." + name();
    }

    public boolean isOpen() {
        return this != VALIDATED && this != SUPERSEDED && this != STOPPED;
    }
}
