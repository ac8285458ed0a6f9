package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.Venue;
import nl.kunstloc.publieksdata.onboarding.control.Invitations;
import nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow;
import nl.kunstloc.publieksdata.onboarding.control.Profiles;
import nl.kunstloc.publieksdata.onboarding.entity.Invitation;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.entity.Municipality;
import nl.kunstloc.publieksdata.workflow.ProcessStep;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;
import org.primefaces.PrimeFaces;

/**
 * One institution: its profile, where its onboarding stands (which step, since when, who did
 * what), its venues, members and invitations. Coordinators see every institution and can cancel
 * an onboarding; members and directors see only their own (and invite colleagues from here).
 */
@Named
@ViewScoped
public class InstitutionView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Institutions institutions;

    @Inject
    OnboardingWorkflow onboarding;

    @Inject
    Profiles profiles;

    @Inject
    Invitations invitations;

    @Inject
    UserAccounts accounts;

    @Inject
    Workflow workflow;

    @Inject
    PostcodeDirectory postcodes;

    @Inject
    AccessGuard guard;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private Long id;
    private Institution institution;
    private String cancelReason;
    private String colleagueName;
    private String colleagueEmail;

    public void load() {
        if (id == null && !currentUser.overseesAllInstitutions()) {
            id = currentUser.getInstitutionId();
        }
        institution = institutions.find(id).orElse(null);
        allowed();
    }

    /** The institution opened is one this user may see; checked at open and again by every action (ADR 8). */
    private boolean allowed() {
        return guard.require(institution != null && institution.getId().equals(id), "institution " + id)
                && guard.requireInstitution(institution.getId());
    }

    public List<ProcessStep> getProgress() {
        return onboarding.progress(id);
    }

    public List<WorkTask> getOpenTasks() {
        return onboarding.processInstance(id).map(workflow::openTasks).orElse(List.of());
    }

    public String getProcessInstanceId() {
        return onboarding.processInstance(id).orElse(null);
    }

    public boolean isOnboardingRunning() {
        return onboarding.processInstance(id).flatMap(workflow::process).map(p -> !p.isEnded()).orElse(false);
    }

    public List<Venue> getVenues() {
        return institutions.venues(id);
    }

    public List<UserAccount> getMembers() {
        return accounts.ofInstitution(id);
    }

    public List<Invitation> getInvitations() {
        return invitations.ofInstitution(id);
    }

    public String invitationState(Invitation invitation) {
        return "onboarding.invitation.state." + invitation.state(java.time.Instant.now()).name();
    }

    public String municipalityName(String code) {
        return code == null ? "—" : postcodes.municipality(code).map(Municipality::name).orElse(code);
    }

    public boolean isCoordinator() {
        return currentUser.hasRole(Role.COORDINATOR);
    }

    public boolean isMayInvite() {
        return currentUser.hasRole(Role.COORDINATOR)
                || (id.equals(currentUser.getInstitutionId()) && currentUser.hasAnyRole(Role.INSTITUTION_MEMBER, Role.DIRECTOR));
    }

    public void cancelOnboarding() {
        if (!allowed() || !guard.require(isCoordinator(), "cancelling the onboarding of institution " + id)) {
            return;
        }
        try {
            onboarding.cancel(id, cancelReason, currentUser.getUsername());
            messages.info("onboarding.institution.cancelled", institution.getName());
            institution = institutions.find(id).orElseThrow();
            cancelReason = null;
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    public void inviteColleague() {
        if (!allowed()) {
            return;
        }
        if (!isMayInvite()) {
            messages.error("onboarding.error.notAllowed");
            return;
        }
        try {
            profiles.inviteColleague(id, colleagueName, colleagueEmail, currentUser.getUsername());
            messages.info("onboarding.institution.colleagueInvited", colleagueEmail);
            colleagueName = colleagueEmail = null;
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Institution getInstitution() { return institution; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
    public String getColleagueName() { return colleagueName; }
    public void setColleagueName(String colleagueName) { this.colleagueName = colleagueName; }
    public String getColleagueEmail() { return colleagueEmail; }
    public void setColleagueEmail(String colleagueEmail) { this.colleagueEmail = colleagueEmail; }
}
