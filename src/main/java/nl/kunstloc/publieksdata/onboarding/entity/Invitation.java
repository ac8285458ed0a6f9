package nl.kunstloc.publieksdata.onboarding.entity;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import nl.kunstloc.publieksdata.platform.security.Role;

/**
 * A single-use link that lets a person set a password and join an institution in a role. Only the
 * SHA-256 of the token is kept. A link is usable once, until it expires or is revoked.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    public static final Duration VALIDITY = Duration.ofDays(14);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
    @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 50)
    private Long id;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(nullable = false)
    private String email;

    @Column(name = "person_name", nullable = false)
    private String personName;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "invited_by", nullable = false)
    private String invitedBy;

    @Version
    private long version;

    protected Invitation() {
    }

    public Invitation(String tokenHash, String email, String personName, Long institutionId, Role role, String invitedBy,
                      Instant now) {
        if (!role.isInstitutionRole()) {
            throw new IllegalArgumentException("invitations are for institution members and directors");
        }
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.email = Objects.requireNonNull(email);
        this.personName = Objects.requireNonNull(personName);
        this.institutionId = Objects.requireNonNull(institutionId);
        this.role = role;
        this.invitedBy = Objects.requireNonNull(invitedBy);
        this.createdAt = now;
        this.expiresAt = now.plus(VALIDITY);
    }

    public enum State { OPEN, USED, EXPIRED, REVOKED }

    public State state(Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.OPEN : State.EXPIRED;
    }

    /** Uses the link; refuses one that is not open (used, expired or revoked). */
    public void use(Instant now) {
        State state = state(now);
        if (state != State.OPEN) {
            throw new IllegalStateException("invitation " + id + " is " + state);
        }
        usedAt = now;
    }

    public void revoke(Instant now) {
        if (usedAt == null && revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Expires the link now (the process's 14-day timer fired), unless it was used. */
    public void expire(Instant now) {
        if (usedAt == null && expiresAt.isAfter(now)) {
            expiresAt = now;
        }
    }

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public String getPersonName() { return personName; }
    public Long getInstitutionId() { return institutionId; }
    public Role getRole() { return role; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getUsedAt() { return usedAt; }
    public String getInvitedBy() { return invitedBy; }
}
