package nl.kunstloc.publieksdata.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One line of the audit log: who did what to which object, when. Never changed after it is written. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "object_type", updatable = false)
    private String objectType;

    @Column(name = "object_id", updatable = false)
    private String objectId;

    @Column(name = "institution_id", updatable = false)
    private Long institutionId;

    @Column(updatable = false, length = 2000)
    private String details;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String actor, String action, String objectType, String objectId,
                      Long institutionId, String details) {
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actor = Objects.requireNonNull(actor);
        this.action = Objects.requireNonNull(action);
        this.objectType = objectType;
        this.objectId = objectId;
        this.institutionId = institutionId;
        this.details = details == null || details.length() <= 2000 ? details : details.substring(0, 1997) + "...";
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getObjectType() { return objectType; }
    public String getObjectId() { return objectId; }
    public Long getInstitutionId() { return institutionId; }
    public String getDetails() { return details; }
}
