package nl.kunstloc.publieksdata.onboarding.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.InstitutionStatus;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.mail.Mail;
import nl.kunstloc.publieksdata.platform.mail.Mailer;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.workflow.ProcessStep;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The onboarding of institutions (bpmn/onboarding.bpmn) as the coordinator and the institution
 * drive it: applications, invitations, decisions, review, cancellation. Every action is one
 * transaction with its audit line; the process is moved through the Workflow facade.
 */
@Stateless
public class OnboardingWorkflow {

    public static final String PROCESS = "onboarding";

    @Inject
    Institutions institutions;

    @Inject
    Invitations invitations;

    @Inject
    UserAccounts accounts;

    @Inject
    Workflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    public static String businessKey(Long institutionId) {
        return "institution-" + institutionId;
    }

    /** A coordinator invites an institution: it is created as INVITED and its contact person gets the link. */
    public Institution invite(String name, InstitutionType type, String municipalityCode, String contactName,
                              String contactEmail, String coordinator) {
        Institution institution = create(name, type, municipalityCode, contactName, contactEmail, InstitutionStatus.INVITED);
        start(institution, false, coordinator);
        audit.record("onboarding.invite", "institution", institution.getId(), institution.getId(),
                institution.getName() + " — " + institution.getContactEmail());
        return institution;
    }

    /** An institution applies through the public form; a coordinator decides on it. */
    public Institution apply(String name, InstitutionType type, String municipalityCode, String contactName,
                             String contactEmail, String motivation) {
        Institution institution = create(name, type, municipalityCode, contactName, contactEmail, InstitutionStatus.APPLIED);
        institution.recordStatusReason(motivation);
        start(institution, true, "anonymous");
        audit.recordAs(institution.getContactEmail(), "onboarding.apply", "institution", institution.getId(),
                institution.getId(), institution.getName());
        return institution;
    }

    private Institution create(String name, InstitutionType type, String municipalityCode, String contactName,
                               String contactEmail, InstitutionStatus status) {
        if (name == null || name.isBlank()) {
            throw new UserFacingException("onboarding.error.nameRequired");
        }
        if (type == null) {
            throw new UserFacingException("onboarding.error.typeRequired");
        }
        if (contactName == null || contactName.isBlank()) {
            throw new UserFacingException("onboarding.error.contactRequired");
        }
        String email = Invitations.checkedEmail(contactEmail);
        if (accounts.exists(email)) {
            throw new UserFacingException("onboarding.error.alreadyUser", email);
        }
        if (invitations.openInvitationFor(email).isPresent() || institutions.hasOpenOnboardingFor(email)) {
            throw new UserFacingException("onboarding.error.alreadyInvited", email);
        }
        if (institutions.findByName(name.trim()).isPresent()) {
            throw new UserFacingException("onboarding.error.duplicateName", name.trim());
        }
        Institution institution = institutions.create(name.trim(), type, municipalityCode, status);
        institution.contact(contactName, email);
        return institution;
    }

    private void start(Institution institution, boolean applied, String by) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Workflow.INSTITUTION_ID, institution.getId());
        vars.put(Workflow.INSTITUTION_NAME, institution.getName());
        vars.put("applied", applied);
        workflow.start(PROCESS, businessKey(institution.getId()), vars, by);
    }

    /** The coordinator's decision on an application (task decideOnApplication). */
    public void decideOnApplication(String taskId, boolean accept, String reason, String coordinator) {
        WorkTask task = task(taskId, "decideOnApplication");
        if (!accept && (reason == null || reason.isBlank())) {
            throw new UserFacingException("onboarding.error.reasonRequired");
        }
        Institution institution = institutions.find(task.institutionId()).orElseThrow();
        if (accept) {
            institution.changeStatus(InstitutionStatus.INVITED, clock.instant());
        } else {
            institution.changeStatus(InstitutionStatus.DECLINED, clock.instant());
            institution.recordStatusReason(reason);
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("applicationAccepted", accept);
        vars.put("declineReason", accept ? null : reason.trim());
        workflow.complete(taskId, coordinator, vars);
        audit.record(accept ? "onboarding.application.accept" : "onboarding.application.decline", "institution",
                institution.getId(), institution.getId(), accept ? null : reason);
    }

    /** The coordinator's choice after an invitation expired (task renewOrCancelInvitation). */
    public void decideOnExpiredInvitation(String taskId, boolean resend, String reason, String coordinator) {
        WorkTask task = task(taskId, "renewOrCancelInvitation");
        Map<String, Object> vars = new HashMap<>();
        vars.put("resendInvitation", resend);
        vars.put("cancelReason", resend ? null : reason);
        workflow.complete(taskId, coordinator, vars);
        audit.record(resend ? "onboarding.invitation.resend" : "onboarding.invitation.cancel", "institution",
                task.institutionId(), task.institutionId(), reason);
    }

    /** The coordinator's review of a submitted profile (task reviewOnboarding). */
    public void review(String taskId, boolean approve, String comment, String coordinator) {
        WorkTask task = task(taskId, "reviewOnboarding");
        if (!approve && (comment == null || comment.isBlank())) {
            throw new UserFacingException("onboarding.error.commentRequired");
        }
        Institution institution = institutions.find(task.institutionId()).orElseThrow();
        institution.recordReview(approve ? null : comment.trim());
        if (!approve) {
            institution.changeStatus(InstitutionStatus.ONBOARDING, clock.instant());
            workflow.addComment(task.processInstanceId(), coordinator, comment.trim());
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("approved", approve);
        vars.put("reviewComment", approve ? null : comment.trim());
        workflow.complete(taskId, coordinator, vars);
        audit.record(approve ? "onboarding.approve" : "onboarding.sendBack", "institution", institution.getId(),
                institution.getId(), comment);
    }

    /** A coordinator cancels an onboarding that is still running, with a reason. */
    public void cancel(Long institutionId, String reason, String coordinator) {
        if (reason == null || reason.isBlank()) {
            throw new UserFacingException("onboarding.error.reasonRequired");
        }
        if (!workflow.isRunning(PROCESS, businessKey(institutionId))) {
            throw new UserFacingException("onboarding.error.notRunning");
        }
        workflow.correlate("onboardingCancelled", businessKey(institutionId), Map.of("cancelReason", reason.trim()));
        audit.record("onboarding.cancelRequested", "institution", institutionId, institutionId, reason);
    }

    /** Called by the process (cancelOnboarding): the institution stops, its open invitations stop working. */
    public void markCancelled(Long institutionId, String reason) {
        Institution institution = institutions.find(institutionId).orElseThrow();
        institution.changeStatus(InstitutionStatus.CANCELLED, clock.instant());
        institution.recordStatusReason(reason);
        invitations.ofInstitution(institutionId).forEach(i -> i.revoke(clock.instant()));
        if (institution.getContactEmail() != null) {
            mailer.send(new Mail(institution.getContactEmail(),
                    nl("onboarding.mail.cancelled.subject", institution.getName()),
                    nl("onboarding.mail.cancelled.text", institution.getContactName(), institution.getName(),
                            reason == null ? "—" : reason)));
        }
        audit.record("onboarding.cancelled", "institution", institutionId, institutionId, reason);
    }

    /** Called by the process (sendInvitation): a (new) invitation for the contact person. */
    public Long inviteContact(Long institutionId) {
        Institution institution = institutions.find(institutionId).orElseThrow();
        return invitations.reissue(institutionId, institution.getContactName(), institution.getContactEmail(),
                Role.INSTITUTION_MEMBER, "system").getId();
    }

    public void expireInvitation(Long invitationId) {
        invitations.find(invitationId).ifPresent(i -> i.expire(clock.instant()));
    }

    public void markActive(Long institutionId) {
        Institution institution = institutions.find(institutionId).orElseThrow();
        institution.changeStatus(InstitutionStatus.ACTIVE, clock.instant());
        audit.record("onboarding.active", "institution", institutionId, institutionId, institution.getName());
        accounts.ofInstitution(institutionId).forEach(member -> mailer.send(new Mail(member.getUsername(),
                nl("onboarding.mail.active.subject", institution.getName()),
                nl("onboarding.mail.active.text", member.getDisplayName(), institution.getName()))));
    }

    public void sendDeclineNotice(Long institutionId, String reason) {
        Institution institution = institutions.find(institutionId).orElseThrow();
        mailer.send(new Mail(institution.getContactEmail(), nl("onboarding.mail.declined.subject", institution.getName()),
                nl("onboarding.mail.declined.text", institution.getContactName(), institution.getName(),
                        reason == null ? "—" : reason)));
    }

    public void sendProfileReminder(Long institutionId) {
        Institution institution = institutions.find(institutionId).orElseThrow();
        accounts.ofInstitution(institutionId).forEach(member -> mailer.send(new Mail(member.getUsername(),
                nl("onboarding.mail.reminder.subject", institution.getName()),
                nl("onboarding.mail.reminder.text", member.getDisplayName(), institution.getName()))));
        audit.record("onboarding.reminder", "institution", institutionId, institutionId, null);
    }

    /** Where the onboarding of this institution stands: its process steps (newest process first). */
    public List<ProcessStep> progress(Long institutionId) {
        return workflow.processesOfInstitution(institutionId).stream()
                .filter(p -> PROCESS.equals(p.processKey())).findFirst()
                .map(p -> workflow.history(p.id())).orElse(List.of());
    }

    public Optional<String> processInstance(Long institutionId) {
        return workflow.processesOfInstitution(institutionId).stream()
                .filter(p -> PROCESS.equals(p.processKey())).findFirst().map(p -> p.id());
    }

    private WorkTask task(String taskId, String expectedKey) {
        WorkTask task = workflow.task(taskId).orElseThrow(() -> new UserFacingException("error.task.gone", taskId));
        if (!expectedKey.equals(task.taskKey())) {
            throw new UserFacingException("error.task.gone", taskId);
        }
        return task;
    }

    static String nl(String key, Object... args) {
        return Messages.format(Locale.forLanguageTag("nl"), key, args);
    }
}
