package nl.kunstloc.publieksdata.report.entity;

/** Where a report version stands; the process decides the transitions, {@link AudienceReport} enforces them. */
public enum ReportStatus {
    /** Requested; its figures are being computed (the segmentation job). */
    DRAFT,
    /** Computed, with the coordinator for review. */
    IN_REVIEW,
    /** Sent back with remarks: the institution answers them. */
    SENT_BACK,
    /** Approved by the coordinator, waiting for the director's approval. */
    WITH_DIRECTOR,
    /** Approved by the director: the institution's report (and the only kind that counts for policymakers). */
    PUBLISHED,
    /** A newer version replaced it: an unpublished draft, or a published version after a newer one was published. */
    SUPERSEDED;

    public String messageKey() {
        return "report.status." + name();
    }

    /** Still moving through the process. */
    public boolean isOpen() {
        return this != PUBLISHED && this != SUPERSEDED;
    }
}
