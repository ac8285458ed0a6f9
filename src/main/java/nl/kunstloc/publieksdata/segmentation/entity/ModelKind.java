package nl.kunstloc.publieksdata.segmentation.entity;

/** What a segment model counts per area. */
public enum ModelKind {
    /** inhabitants */
    PEOPLE,
    /** private households */
    HOUSEHOLDS
}
