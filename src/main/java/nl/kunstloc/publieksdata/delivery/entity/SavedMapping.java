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
 * A column mapping an institution saved for exports with this header row (recognised by a hash of
 * the headers), so the next export of the same shape is mapped without asking.
 */
@Entity
@Table(name = "saved_mapping")
public class SavedMapping {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_mapping_seq")
    @SequenceGenerator(name = "saved_mapping_seq", sequenceName = "saved_mapping_seq", allocationSize = 50)
    private Long id;
    @Column(name = "institution_id", nullable = false)
    private Long institutionId;
    @Column(name = "header_signature", nullable = false, length = 64)
    private String headerSignature;
    @Column(nullable = false)
    private String mapping;
    @Column(name = "saved_by", nullable = false)
    private String savedBy;
    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;
    @Version
    private long version;

    protected SavedMapping() {
    }

    public SavedMapping(Long institutionId, String headerSignature, String mapping, String savedBy, Instant now) {
        this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
        this.headerSignature = Objects.requireNonNull(headerSignature, "headerSignature");
        replace(mapping, savedBy, now);
    }

    public void replace(String mapping, String savedBy, Instant now) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.savedBy = Objects.requireNonNull(savedBy, "savedBy");
        this.savedAt = now;
    }

    public Long getId() { return id; }
    public Long getInstitutionId() { return institutionId; }
    public String getMapping() { return mapping; }
    public Instant getSavedAt() { return savedAt; }
}
