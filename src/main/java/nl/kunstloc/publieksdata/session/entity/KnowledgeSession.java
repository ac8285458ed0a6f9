package nl.kunstloc.publieksdata.session.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * A knowledge session and its registrations. The session keeps the queue: at most
 * {@code capacity} people are registered, the rest wait in the order they registered, and a
 * cancellation promotes the first who waits. Registration and cancellation close at the deadline.
 */
@Entity
@Table(name = "knowledge_session")
public class KnowledgeSession implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The reminder goes out this long before the start. */
    public static final Duration REMINDER_BEFORE = Duration.ofDays(2);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_session_seq")
    @SequenceGenerator(name = "knowledge_session_seq", sequenceName = "knowledge_session_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String theme;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    private String place;

    @Column(name = "online_link")
    private String onlineLink;

    private int capacity;

    @Column(name = "registration_deadline", nullable = false)
    private Instant registrationDeadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience_kind", nullable = false)
    private AudienceKind audienceKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience_type")
    private InstitutionType audienceType;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "knowledge_session_institution", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "institution_id")
    private Set<Long> audienceInstitutions = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "knowledge_session_role", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> audienceRoles = EnumSet.noneOf(Role.class);

    private String agenda;
    private String findings;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionStatus status;

    private String notes;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("registeredAt ASC, id ASC")
    private List<Registration> registrations = new ArrayList<>();

    @Version
    private long version;

    protected KnowledgeSession() {
    }

    public KnowledgeSession(SessionPlan plan, String createdBy, Instant now) {
        plan.check(now);
        this.status = SessionStatus.PLANNED;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
        apply(plan);
    }

    /**
     * Changes the plan of a session that has not taken place. Returns who moved up from the
     * waiting list because the capacity grew; refuses a capacity below the number registered.
     */
    public List<Registration> replan(SessionPlan plan, Instant now) {
        if (status != SessionStatus.PLANNED && status != SessionStatus.REGISTRATION_CLOSED) {
            throw new UserFacingException("session.error.notChangeable");
        }
        plan.check(now);
        if (plan.capacity() < participants().size()) {
            throw new UserFacingException("session.error.capacityBelowRegistered", participants().size());
        }
        apply(plan);
        if (status == SessionStatus.REGISTRATION_CLOSED && registrationDeadline.isAfter(now)) {
            status = SessionStatus.PLANNED; // a later deadline opens registration again
        }
        return fillFromWaitingList();
    }

    private void apply(SessionPlan plan) {
        this.title = plan.title();
        this.theme = plan.theme();
        this.startsAt = plan.startsAt();
        this.endsAt = plan.endsAt();
        this.place = plan.place();
        this.onlineLink = plan.onlineLink();
        this.capacity = plan.capacity();
        this.registrationDeadline = plan.registrationDeadline();
        SessionAudience audience = plan.audience();
        this.audienceKind = audience.kind();
        this.audienceType = audience.kind() == AudienceKind.INSTITUTION_TYPE ? audience.type() : null;
        this.audienceInstitutions.clear();
        if (audience.kind() == AudienceKind.CHOSEN_INSTITUTIONS) {
            this.audienceInstitutions.addAll(audience.institutionIds());
        }
        this.audienceRoles.clear();
        this.audienceRoles.addAll(audience.roles());
        this.agenda = plan.agenda();
        this.findings = plan.findings();
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    // ----- registration

    /**
     * Registers a person: a seat while there is one, otherwise a place on the waiting list (the
     * returned registration says which). Refused after the deadline, for a cancelled session, and
     * for someone who is registered or waiting already.
     */
    public Registration register(String username, String displayName, Long institutionId, Instant now) {
        requireRegistrationOpen(now);
        Optional<Registration> existing = registrationOf(username);
        if (existing.isPresent() && existing.get().isActive()) {
            throw new UserFacingException(existing.get().getStatus() == RegistrationStatus.WAITING
                    ? "session.error.alreadyWaiting" : "session.error.alreadyRegistered");
        }
        RegistrationStatus place = participants().size() < capacity ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITING;
        if (existing.isPresent()) {
            existing.get().renew(place, now);
            registrations.sort(Comparator.comparing(Registration::getRegisteredAt));
            return existing.get();
        }
        Registration registration = new Registration(this, username, displayName, institutionId, place, now);
        registrations.add(registration);
        return registration;
    }

    /** Cancels a person's registration or waiting place; returns who moved up into the freed seat. */
    public Optional<Registration> cancelRegistration(String username, Instant now) {
        requireRegistrationOpen(now);
        Registration registration = registrationOf(username).filter(Registration::isActive)
                .orElseThrow(() -> new UserFacingException("session.error.notRegistered"));
        registration.cancel(now);
        List<Registration> promoted = fillFromWaitingList();
        return promoted.stream().findFirst();
    }

    private void requireRegistrationOpen(Instant now) {
        if (status == SessionStatus.CANCELLED) {
            throw new UserFacingException("session.error.cancelled");
        }
        if (status != SessionStatus.PLANNED || now.isAfter(registrationDeadline)) {
            throw new UserFacingException("session.error.deadlinePassed", registrationDeadline);
        }
    }

    private List<Registration> fillFromWaitingList() {
        List<Registration> promoted = new ArrayList<>();
        for (Registration waiting : waitingList()) {
            if (participants().size() >= capacity) {
                break;
            }
            waiting.promote();
            promoted.add(waiting);
        }
        return promoted;
    }

    public boolean isRegistrationOpen(Instant now) {
        return status == SessionStatus.PLANNED && !now.isAfter(registrationDeadline);
    }

    public boolean isFull() {
        return participants().size() >= capacity;
    }

    // ----- the steps of the process

    public void closeRegistration() {
        if (status == SessionStatus.PLANNED) {
            status = SessionStatus.REGISTRATION_CLOSED;
        }
    }

    /** Records who came (usernames of registered participants); everyone else registered did not. */
    public void recordAttendance(Set<String> present) {
        if (status != SessionStatus.REGISTRATION_CLOSED && status != SessionStatus.HELD) {
            throw new UserFacingException("session.error.notHeldYet");
        }
        for (Registration r : participants()) {
            r.markAttendance(present.contains(r.getUsername()));
        }
        status = SessionStatus.HELD;
    }

    /** The notes written after the session; published to the knowledge base by the process. */
    public void writeNotes(String text) {
        if (status != SessionStatus.HELD) {
            throw new UserFacingException("session.error.notHeldYet");
        }
        if (text == null || text.isBlank()) {
            throw new UserFacingException("session.error.notesRequired");
        }
        if (text.length() > 20000) {
            throw new UserFacingException("session.error.tooLong");
        }
        this.notes = text.trim();
    }

    public void markPublished() {
        if (notes == null) {
            throw new IllegalStateException("a session is published with its notes");
        }
        status = SessionStatus.PUBLISHED;
    }

    public void cancel(String reason) {
        if (status == SessionStatus.PUBLISHED) {
            throw new UserFacingException("session.error.notChangeable");
        }
        status = SessionStatus.CANCELLED;
        cancelReason = reason == null || reason.isBlank() ? null : reason.trim();
    }

    // ----- reading

    public List<Registration> participants() {
        return registrations.stream().filter(r -> r.getStatus() == RegistrationStatus.REGISTERED).toList();
    }

    /** Who waits, first in line first. */
    public List<Registration> waitingList() {
        return registrations.stream().filter(r -> r.getStatus() == RegistrationStatus.WAITING)
                .sorted(Comparator.comparing(Registration::getRegisteredAt).thenComparing(Registration::getUsername)).toList();
    }

    public List<Registration> attendees() {
        return participants().stream().filter(Registration::isAttended).toList();
    }

    public Optional<Registration> registrationOf(String username) {
        return registrations.stream().filter(r -> r.getUsername().equals(username)).findFirst();
    }

    /** 1 for the first who waits; 0 when not waiting. */
    public int waitingPosition(String username) {
        List<Registration> waiting = waitingList();
        for (int i = 0; i < waiting.size(); i++) {
            if (waiting.get(i).getUsername().equals(username)) {
                return i + 1;
            }
        }
        return 0;
    }

    public int getFreeSeats() {
        return Math.max(0, capacity - participants().size());
    }

    public SessionAudience audience() {
        return new SessionAudience(audienceKind, audienceType, audienceInstitutions, audienceRoles);
    }

    public SessionPlan plan() {
        return new SessionPlan(title, theme, startsAt, endsAt, place, onlineLink, capacity, registrationDeadline,
                audience(), agenda, findings);
    }

    public Instant reminderAt() {
        return startsAt.minus(REMINDER_BEFORE);
    }

    public boolean isUpcoming(Instant now) {
        return endsAt.isAfter(now) && status != SessionStatus.CANCELLED;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public String getTheme() { return theme; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public String getPlace() { return place; }
    public String getOnlineLink() { return onlineLink; }
    public int getCapacity() { return capacity; }
    public Instant getRegistrationDeadline() { return registrationDeadline; }
    public AudienceKind getAudienceKind() { return audienceKind; }
    public InstitutionType getAudienceType() { return audienceType; }
    public Set<Long> getAudienceInstitutions() { return Set.copyOf(audienceInstitutions); }
    public Set<Role> getAudienceRoles() { return Set.copyOf(audienceRoles); }
    public String getAgenda() { return agenda; }
    public String getFindings() { return findings; }
    public SessionStatus getStatus() { return status; }
    public String getNotes() { return notes; }
    public String getCancelReason() { return cancelReason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public int getRegisteredCount() { return participants().size(); }
    public int getWaitingCount() { return waitingList().size(); }
}
