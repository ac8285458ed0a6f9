package nl.kunstloc.publieksdata.segmentation.entity;

import java.time.Instant;

/** One stored model version, as the list of models shows it. */
public record ModelSummary(long id, String code, String name, int version, ModelKind kind, int segments,
        int pc4s, double population, String importedBy, Instant importedAt, ModelStatus status) implements java.io.Serializable {

    public String label() {
        return name + " v" + version;
    }
}
