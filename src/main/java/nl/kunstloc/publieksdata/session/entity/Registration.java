package nl.kunstloc.publieksdata.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A person's place at a session: registered, on the waiting list, or cancelled. Changed only
 * through {@link KnowledgeSession}, which knows the capacity and the queue.
 */
@Entity
@Table(name = "session_registration")
public class Registration implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_registration_seq")
    @SequenceGenerator(name = "session_registration_seq", sequenceName = "session_registration_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    private KnowledgeSession session;

    @Column(nullable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "institution_id")
    private Long institutionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistrationStatus status;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    private Boolean attended;

    @Version
    private long version;

    protected Registration() {
    }

    Registration(KnowledgeSession session, String username, String displayName, Long institutionId,
                 RegistrationStatus status, Instant now) {
        this.session = Objects.requireNonNull(session);
        this.username = Objects.requireNonNull(username);
        this.displayName = displayName == null || displayName.isBlank() ? username : displayName;
        this.institutionId = institutionId;
        this.status = Objects.requireNonNull(status);
        this.registeredAt = Objects.requireNonNull(now);
    }

    /** Registering again after a cancellation: a new place at the back of the queue. */
    void renew(RegistrationStatus newStatus, Instant now) {
        this.status = newStatus;
        this.registeredAt = now;
        this.cancelledAt = null;
        this.attended = null;
    }

    void cancel(Instant now) {
        this.status = RegistrationStatus.CANCELLED;
        this.cancelledAt = now;
    }

    void promote() {
        if (status != RegistrationStatus.WAITING) {
            throw new IllegalStateException("only someone on the waiting list can be promoted");
        }
        this.status = RegistrationStatus.REGISTERED;
    }

    void markAttendance(boolean present) {
        if (status != RegistrationStatus.REGISTERED) {
            throw new IllegalStateException("attendance is recorded for registered participants only");
        }
        this.attended = present;
    }

    public boolean isActive() {
        return status.isActive();
    }

    public boolean isAttended() {
        return Boolean.TRUE.equals(attended);
    }

    /** Has the coordinator recorded whether this person came (yes or no)? */
    public boolean isAttendanceRecorded() {
        return attended != null;
    }

    public Long getId() { return id; }
    public KnowledgeSession getSession() { return session; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public Long getInstitutionId() { return institutionId; }
    public RegistrationStatus getStatus() { return status; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getCancelledAt() { return cancelledAt; }
}
