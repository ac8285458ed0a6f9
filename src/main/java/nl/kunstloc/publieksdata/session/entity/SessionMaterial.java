package nl.kunstloc.publieksdata.session.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A file shared after a session (slides, a hand-out). Lists read {@link MaterialInfo} projections,
 * so the bytes are loaded only for a download.
 */
@Entity
@Table(name = "session_material")
public class SessionMaterial {

    /** 20 MB: slides with pictures fit, whole video recordings do not belong here. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_material_seq")
    @SequenceGenerator(name = "session_material_seq", sequenceName = "session_material_seq", allocationSize = 50)
    private Long id;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MaterialKind kind;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected SessionMaterial() {
    }

    /** The kind must come from inspecting the content (MaterialInspection), not from the name alone. */
    public SessionMaterial(Long sessionId, String fileName, MaterialKind kind, byte[] content, String uploadedBy, Instant now) {
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw new IllegalArgumentException("a material has between 1 byte and 20 MB");
        }
        this.sessionId = Objects.requireNonNull(sessionId);
        this.fileName = safeName(fileName, kind);
        this.kind = Objects.requireNonNull(kind);
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.uploadedBy = Objects.requireNonNull(uploadedBy);
        this.uploadedAt = Objects.requireNonNull(now);
    }

    /** Only the last path segment, no control characters, at most 255 characters. */
    static String safeName(String fileName, MaterialKind kind) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (name.isEmpty()) {
            name = "material." + kind.extension();
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public String getFileName() { return fileName; }
    public MaterialKind getKind() { return kind; }
    public long getSizeBytes() { return sizeBytes; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public byte[] getContent() { return content == null ? null : content.clone(); }
}
