package nl.kunstloc.publieksdata.institution.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A cultural institution taking part in (or applying for) the pilot. */
@Entity
@Table(name = "institution")
public class Institution {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "institution_seq")
    @SequenceGenerator(name = "institution_seq", sequenceName = "institution_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstitutionType type;

    @Column(name = "municipality_code")
    private String municipalityCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstitutionStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status_since", nullable = false)
    private Instant statusSince;

    @Version
    private long version;

    protected Institution() {
    }

    public Institution(String name, InstitutionType type, String municipalityCode, InstitutionStatus status, Instant now) {
        rename(name);
        this.type = Objects.requireNonNull(type, "type");
        this.municipalityCode = municipalityCode;
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(now);
        this.statusSince = now;
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank() || newName.length() > 200) {
            throw new IllegalArgumentException("an institution needs a name of at most 200 characters");
        }
        this.name = newName.trim();
    }

    public void changeType(InstitutionType newType) {
        this.type = Objects.requireNonNull(newType);
    }

    public void moveTo(String newMunicipalityCode) {
        this.municipalityCode = newMunicipalityCode;
    }

    public void changeStatus(InstitutionStatus newStatus, Instant now) {
        if (newStatus != status) {
            this.status = Objects.requireNonNull(newStatus);
            this.statusSince = now;
        }
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public InstitutionType getType() { return type; }
    public String getMunicipalityCode() { return municipalityCode; }
    public InstitutionStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStatusSince() { return statusSince; }
}
