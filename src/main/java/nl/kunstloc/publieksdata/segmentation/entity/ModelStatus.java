package nl.kunstloc.publieksdata.segmentation.entity;

/** Whether a model version is offered for new reports. */
public enum ModelStatus {
    /** used for new reports (the newest active version of a code) */
    ACTIVE,
    /** kept for the reports that used it, not offered for new ones */
    RETIRED
}
