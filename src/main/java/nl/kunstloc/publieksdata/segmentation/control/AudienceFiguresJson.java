package nl.kunstloc.publieksdata.segmentation.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;

/**
 * {@link AudienceFigures} to and from JSON (JSON-B, Yasson in Payara), as a report stores them.
 * Thread-safe; one shared {@link Jsonb} because creating one is costly.
 */
public final class AudienceFiguresJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private AudienceFiguresJson() {
    }

    public static String toJson(AudienceFigures figures) {
        return JSONB.toJson(figures);
    }

    /** Reads figures written by {@link #toJson}; refuses a newer format than this code knows. */
    public static AudienceFigures fromJson(String json) {
        AudienceFigures figures = JSONB.fromJson(json, AudienceFigures.class);
        if (figures.formatVersion() > AudienceFigures.FORMAT_VERSION) {
            throw new IllegalArgumentException("figures were written in format " + figures.formatVersion()
                    + ", this portal reads up to " + AudienceFigures.FORMAT_VERSION);
        }
        return figures;
    }
}
