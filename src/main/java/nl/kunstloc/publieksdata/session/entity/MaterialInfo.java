package nl.kunstloc.publieksdata.session.entity;

import java.io.Serializable;
import java.time.Instant;

/** A material without its bytes, for lists. */
public record MaterialInfo(Long id, Long sessionId, String fileName, MaterialKind kind, long sizeBytes, Instant uploadedAt)
        implements Serializable {

    public String getFileName() {
        return fileName;
    }

    /** "1.2 MB", "340 kB": enough for deciding whether to download. */
    public String getSize() {
        if (sizeBytes >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024));
        }
        return Math.max(1, sizeBytes / 1024) + " kB";
    }
}
