package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.workflow.TaskPages;
import nl.kunstloc.publieksdata.workflow.WorkTask;

/**
 * The coordinator's decision on an application (task decideOnApplication), and — with
 * taskKey renewOrCancelInvitation — on an invitation that expired unanswered.
 */
@Named
@ViewScoped
public class ApplicationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskPages taskPages;

    @Inject
    Institutions institutions;

    @Inject
    OnboardingWorkflow onboarding;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String taskId;
    private WorkTask task;
    private Institution institution;
    private String reason;

    public void loadApplication() {
        load("decideOnApplication");
    }

    public void loadExpiredInvitation() {
        load("renewOrCancelInvitation");
    }

    private void load(String taskKey) {
        task = taskPages.open(taskId, taskKey);
        if (task != null) {
            institution = institutions.find(task.institutionId()).orElseThrow();
        }
    }

    public String accept() {
        return decide(true);
    }

    public String decline() {
        return decide(false);
    }

    private String decide(boolean accept) {
        try {
            if ("decideOnApplication".equals(task.taskKey())) {
                onboarding.decideOnApplication(taskId, accept, reason, currentUser.getUsername());
                messages.info(accept ? "onboarding.application.accepted" : "onboarding.application.declined", institution.getName());
            } else {
                onboarding.decideOnExpiredInvitation(taskId, accept, reason, currentUser.getUsername());
                messages.info(accept ? "onboarding.expired.resent" : "onboarding.expired.cancelled", institution.getName());
            }
            messages.keepForRedirect();
            return "/tasks/inbox?faces-redirect=true";
        } catch (UserFacingException e) {
            messages.error(e);
            return null;
        }
    }

    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public WorkTask getTask() { return task; }
    public Institution getInstitution() { return institution; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
