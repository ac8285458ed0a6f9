package nl.kunstloc.publieksdata.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * An institution's key for the REST API. Only the SHA-256 of the token is stored: the token itself is
 * shown once, when it is created. A token is random (256 bits), so a plain hash is enough (no salt or
 * slow hash needed as for passwords).
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    private Long id;
    @Column(name = "institution_id", nullable = false)
    private Long institutionId;
    @Column(nullable = false, length = 100)
    private String label;
    @Column(name = "token_sha256", nullable = false, length = 64)
    private String tokenSha256;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoked_by")
    private String revokedBy;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Version
    private long version;

    protected ApiToken() {
    }

    public ApiToken(Long institutionId, String label, String tokenSha256, String createdBy, Instant now) {
        this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
        if (label == null || label.isBlank() || label.length() > 100) {
            throw new IllegalArgumentException("a token needs a label of at most 100 characters");
        }
        if (tokenSha256 == null || !tokenSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        this.label = label.strip();
        this.tokenSha256 = tokenSha256;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = now;
    }

    public void revoke(String by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public Long getId() { return id; }
    public Long getInstitutionId() { return institutionId; }
    public String getLabel() { return label; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
}
