package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.Venue;
import nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow;
import nl.kunstloc.publieksdata.onboarding.control.Profiles;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.workflow.TaskPages;
import nl.kunstloc.publieksdata.workflow.WorkTask;

/** The coordinator reviews a submitted profile: approve, or send it back with a comment (task reviewOnboarding). */
@Named
@ViewScoped
public class ReviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskPages taskPages;

    @Inject
    Institutions institutions;

    @Inject
    Profiles profiles;

    @Inject
    OnboardingWorkflow onboarding;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String taskId;
    private WorkTask task;
    private Institution institution;
    private String comment;

    public void load() {
        task = taskPages.open(taskId, "reviewOnboarding");
        if (task != null) {
            institution = institutions.find(task.institutionId()).orElseThrow();
        }
    }

    public Profiles.Checklist getChecklist() {
        return profiles.checklist(institution.getId());
    }

    public List<Venue> getVenues() {
        return institutions.venues(institution.getId());
    }

    public String approve() {
        return review(true);
    }

    public String sendBack() {
        return review(false);
    }

    private String review(boolean approve) {
        try {
            onboarding.review(taskId, approve, comment, currentUser.getUsername());
            messages.info(approve ? "onboarding.review.approved" : "onboarding.review.sentBack", institution.getName());
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
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
