package nl.kunstloc.publieksdata.segmentation.entity;

import java.util.Objects;

/**
 * One segment of a model as imported: what it is called and how it is drawn.
 *
 * @param code        short code, unique in the model (letters, digits, {@code _-}; at most 40)
 * @param nameNl      Dutch name
 * @param nameEn      English name
 * @param description what the segment is, in a sentence or two (Dutch)
 * @param colour      {@code #rrggbb}
 * @param order       1-based position in the model
 */
public record SegmentDefinition(String code, String nameNl, String nameEn, String description, String colour, int order) {

    public SegmentDefinition {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("segment code must be 1–40 letters, digits, _ or -: " + code);
        }
        if (nameNl == null || nameNl.isBlank()) {
            throw new IllegalArgumentException("segment " + code + " has no Dutch name");
        }
        if (nameEn == null || nameEn.isBlank()) {
            nameEn = nameNl;
        }
        if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("segment " + code + ": colour must be #rrggbb, not " + colour);
        }
        description = description == null ? "" : description;
        if (order < 1) {
            throw new IllegalArgumentException("segment order starts at 1");
        }
    }
}
