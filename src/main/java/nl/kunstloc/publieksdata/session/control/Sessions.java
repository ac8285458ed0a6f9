package nl.kunstloc.publieksdata.session.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.session.entity.Registration;
import nl.kunstloc.publieksdata.session.entity.RegistrationStatus;
import nl.kunstloc.publieksdata.session.entity.SessionAudience;
import nl.kunstloc.publieksdata.session.entity.SessionPlan;
import nl.kunstloc.publieksdata.session.entity.SessionStatus;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * Knowledge sessions: planning (which starts the process), who is invited and may see a session,
 * registration with the waiting list, and the steps the process calls. One transaction per call,
 * so a refused registration leaves nothing behind; mails go out after the commit.
 */
@Stateless
public class Sessions {

    public static final String PROCESS_KEY = "knowledgeSession";
    private static final Logger LOG = Logger.getLogger(Sessions.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Workflow workflow;

    @Inject
    Institutions institutions;

    @Inject
    UserAccounts accounts;

    @Inject
    AuditTrail audit;

    @Inject
    SessionMails mails;

    public static String businessKey(Long sessionId) {
        return "session-" + sessionId;
    }

    // ----- planning

    public KnowledgeSession plan(SessionPlan plan, String by) {
        return plan(plan, by, clock.instant());
    }

    /** Plans as of a moment (demo data plans sessions that lie in the past). */
    public KnowledgeSession plan(SessionPlan plan, String by, Instant at) {
        checkChosenInstitutionsExist(plan.audience());
        KnowledgeSession session = new KnowledgeSession(plan, by, at);
        em.persist(session);
        em.flush();
        Map<String, Object> variables = new HashMap<>();
        variables.put("sessionId", session.getId());
        variables.put(Workflow.INSTITUTION_ID, null);
        variables.put(Workflow.INSTITUTION_NAME, null);
        variables.putAll(timerVariables(session));
        session.attachProcess(workflow.start(PROCESS_KEY, businessKey(session.getId()), variables, by));
        audit.recordAs(by, "session.planned", "session", session.getId(), null, session.getTitle());
        return session;
    }

    /** Changes a planned session; a new date moves the timer the process waits in (docs/processes/knowledge-session.md). */
    public KnowledgeSession replan(Long id, SessionPlan plan, String by) {
        KnowledgeSession session = locked(id);
        checkChosenInstitutionsExist(plan.audience());
        if (session.getStatus() != SessionStatus.PLANNED) {
            throw new UserFacingException("session.error.notChangeable");
        }
        List<Registration> promoted = session.replan(plan, clock.instant());
        String pid = session.getProcessInstanceId();
        if (pid != null && workflow.isRunning(PROCESS_KEY, businessKey(id))) {
            timerVariables(session).forEach((name, value) -> workflow.setVariable(pid, name, value));
            workflow.rescheduleTimer(pid, "registrationDeadlinePassed", session.getRegistrationDeadline());
        }
        promoted.forEach(r -> mailPromotion(session, r));
        audit.recordAs(by, "session.replanned", "session", id, null, session.getTitle());
        return session;
    }

    private static Map<String, Object> timerVariables(KnowledgeSession s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("registrationDeadline", Date.from(s.getRegistrationDeadline()));
        v.put("reminderDate", Date.from(s.reminderAt()));
        v.put("sessionEnd", Date.from(s.getEndsAt()));
        return v;
    }

    private void checkChosenInstitutionsExist(SessionAudience audience) {
        if (audience != null) {
            for (Long institutionId : audience.institutionIds()) {
                if (institutions.find(institutionId).isEmpty()) {
                    throw new UserFacingException("session.error.audienceInstitutions");
                }
            }
        }
    }

    /** Cancels a session: the process's cancellation path marks it and informs everyone. */
    public void cancel(Long id, String reason, String by) {
        KnowledgeSession session = find(id).orElseThrow(() -> new UserFacingException("session.error.notFound"));
        if (session.getStatus() == SessionStatus.CANCELLED || session.getStatus() == SessionStatus.PUBLISHED) {
            throw new UserFacingException("session.error.notChangeable");
        }
        if (workflow.isRunning(PROCESS_KEY, businessKey(id))) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("cancelReason", reason == null || reason.isBlank() ? null : reason.trim());
            workflow.correlate("sessionCancelled", businessKey(id), variables);
        } else {
            markCancelled(id, reason);
        }
        audit.recordAs(by, "session.cancelled", "session", id, null, reason);
    }

    // ----- reading and access

    public Optional<KnowledgeSession> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(KnowledgeSession.class, id));
    }

    /** Every session this person may see, soonest first. */
    public List<KnowledgeSession> visibleTo(Viewer viewer) {
        List<KnowledgeSession> all = em.createQuery("select s from KnowledgeSession s order by s.startsAt", KnowledgeSession.class)
                .getResultList();
        if (viewer.isCoordinator()) {
            return all;
        }
        Optional<Institution> institution = institutions.find(viewer.institutionId());
        return all.stream().filter(s -> maySee(s, viewer, institution)).toList();
    }

    /** Coordinators see every session; others the sessions they are invited to or registered for. */
    public boolean maySee(KnowledgeSession session, Viewer viewer) {
        return viewer.isCoordinator() || maySee(session, viewer, institutions.find(viewer.institutionId()));
    }

    private static boolean maySee(KnowledgeSession session, Viewer viewer, Optional<Institution> institution) {
        if (session.registrationOf(viewer.username()).isPresent()) {
            return true;
        }
        return isInvited(session, viewer, institution);
    }

    private static boolean isInvited(KnowledgeSession session, Viewer viewer, Optional<Institution> institution) {
        return session.audience().includes(viewer.roles(), institution.map(Institution::getId).orElse(null),
                institution.map(Institution::getType).orElse(null), institution.map(Institution::getStatus).orElse(null));
    }

    /** Sessions this person is invited to, can still register for, and has not answered yet (for the inbox). */
    public List<KnowledgeSession> openInvitations(Viewer viewer) {
        Instant now = clock.instant();
        Optional<Institution> institution = institutions.find(viewer.institutionId());
        return em.createQuery("select s from KnowledgeSession s where s.status = :planned and s.registrationDeadline > :now"
                        + " order by s.startsAt", KnowledgeSession.class)
                .setParameter("planned", SessionStatus.PLANNED).setParameter("now", now).getResultList().stream()
                .filter(s -> isInvited(s, viewer, institution))
                .filter(s -> s.registrationOf(viewer.username()).filter(Registration::isActive).isEmpty())
                .toList();
    }

    /** This person's registrations (also cancelled ones and waiting places), newest session first. */
    public List<Registration> registrationsOf(String username) {
        return em.createQuery("select r from Registration r join fetch r.session s where r.username = :u order by s.startsAt desc",
                Registration.class).setParameter("u", username).getResultList();
    }

    /** The people invited now: members/directors of the audience's active institutions, and policymakers when chosen. */
    public List<UserAccount> invitees(KnowledgeSession session) {
        SessionAudience audience = session.audience();
        Map<String, UserAccount> invitees = new LinkedHashMap<>();
        for (Institution institution : institutions.all()) {
            if (!audience.includesInstitution(institution.getId(), institution.getType(), institution.getStatus())) {
                continue;
            }
            for (UserAccount account : accounts.ofInstitution(institution.getId())) {
                if (account.isEnabled() && account.getRoles().stream().anyMatch(r -> r.isInstitutionRole() && audience.roles().contains(r))) {
                    invitees.putIfAbsent(account.getUsername(), account);
                }
            }
        }
        if (audience.roles().contains(Role.POLICYMAKER)) {
            accounts.search(null, Role.POLICYMAKER, 0, 10_000, null, true).stream().filter(UserAccount::isEnabled)
                    .forEach(a -> invitees.putIfAbsent(a.getUsername(), a));
        }
        return List.copyOf(invitees.values());
    }

    // ----- registration

    public Registration register(Long id, Viewer who) {
        return register(id, who, clock.instant());
    }

    /** Registers as of a moment (demo data registers people for sessions that lie in the past). */
    public Registration register(Long id, Viewer who, Instant at) {
        KnowledgeSession session = locked(id);
        if (!maySee(session, who)) {
            throw new UserFacingException("session.error.notInvited");
        }
        Registration registration = session.register(who.username(), who.displayName(), who.institutionId(), at);
        audit.recordAs(who.username(), registration.getStatus() == RegistrationStatus.WAITING
                ? "session.waitlisted" : "session.registered", "session", id, who.institutionId(), session.getTitle());
        return registration;
    }

    /** Cancels a registration; the first on the waiting list moves up and is told by mail. */
    public Optional<Registration> cancelRegistration(Long id, String username) {
        KnowledgeSession session = locked(id);
        Optional<Registration> promoted = session.cancelRegistration(username, clock.instant());
        audit.recordAs(username, "session.registrationCancelled", "session", id, null, session.getTitle());
        promoted.ifPresent(r -> {
            mailPromotion(session, r);
            audit.recordAs(username, "session.promoted", "session", id, r.getInstitutionId(), r.getUsername());
        });
        return promoted;
    }

    private void mailPromotion(KnowledgeSession session, Registration r) {
        mails.promoted(session, recipient(r.getUsername(), r.getDisplayName()));
    }

    /** Serialises registrations per session: two people cannot take the last seat together. */
    private KnowledgeSession locked(Long id) {
        KnowledgeSession session = id == null ? null : em.find(KnowledgeSession.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw new UserFacingException("session.error.notFound");
        }
        return session;
    }

    // ----- steps of the process (called by the delegates)

    /** Mails the invitation (with the .ics) to every invitee; nothing for a session that has begun. */
    public int sendInvitations(Long id) {
        KnowledgeSession session = find(id).orElseThrow();
        if (!session.getStartsAt().isAfter(clock.instant())) {
            LOG.info(() -> "session " + id + " has begun: no invitations");
            return 0;
        }
        List<UserAccount> invitees = invitees(session);
        invitees.forEach(a -> mails.invitation(session, recipient(a)));
        audit.record("session.invitationsSent", "session", id, null, invitees.size() + " invitee(s)");
        return invitees.size();
    }

    public void closeRegistration(Long id) {
        find(id).orElseThrow().closeRegistration();
        audit.record("session.registrationClosed", "session", id, null, null);
    }

    /** Reminds the registered participants; a reminder after the start would only confuse. */
    public int sendReminders(Long id) {
        KnowledgeSession session = find(id).orElseThrow();
        if (!session.getStartsAt().isAfter(clock.instant())) {
            return 0;
        }
        session.participants().forEach(r -> mails.reminder(session, recipient(r.getUsername(), r.getDisplayName())));
        return session.participants().size();
    }

    public void recordAttendance(Long id, Set<String> present, String by) {
        KnowledgeSession session = locked(id);
        session.recordAttendance(present);
        audit.recordAs(by, "session.attendanceRecorded", "session", id, null,
                present.size() + " of " + session.participants().size() + " present");
    }

    /** The attendance page: records who came and completes the task, in one transaction (the evaluation forms go out next). */
    public void recordAttendance(Long id, String taskId, Set<String> present, String by) {
        recordAttendance(id, present, by);
        workflow.complete(taskId, by, Map.of());
    }

    public int sendEvaluationForms(Long id) {
        KnowledgeSession session = find(id).orElseThrow();
        session.attendees().forEach(r -> mails.evaluationForm(session, recipient(r.getUsername(), r.getDisplayName())));
        return session.attendees().size();
    }

    public void writeNotes(Long id, String notes, String by) {
        KnowledgeSession session = locked(id);
        session.writeNotes(notes);
        audit.recordAs(by, "session.notesWritten", "session", id, null, null);
    }

    /** The process's cancellation path: mark cancelled, tell everyone who was invited or registered. */
    public void markCancelled(Long id, String reason) {
        KnowledgeSession session = locked(id);
        if (session.getStatus() == SessionStatus.CANCELLED) {
            return;
        }
        session.cancel(reason);
        Map<String, SessionMails.Recipient> recipients = new LinkedHashMap<>();
        session.participants().forEach(r -> recipients.put(r.getUsername(), recipient(r.getUsername(), r.getDisplayName())));
        session.waitingList().forEach(r -> recipients.put(r.getUsername(), recipient(r.getUsername(), r.getDisplayName())));
        if (session.getStartsAt().isAfter(clock.instant())) {
            invitees(session).forEach(a -> recipients.putIfAbsent(a.getUsername(), recipient(a)));
        }
        recipients.values().forEach(r -> mails.cancellation(session, r));
    }

    private SessionMails.Recipient recipient(UserAccount a) {
        return new SessionMails.Recipient(a.getUsername(), a.getDisplayName(), a.getLocale());
    }

    private SessionMails.Recipient recipient(String username, String name) {
        return accounts.find(username).map(this::recipient).orElse(new SessionMails.Recipient(username, name, "nl"));
    }
}
