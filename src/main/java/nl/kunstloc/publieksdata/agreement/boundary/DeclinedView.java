package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.workflow.TaskPages;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The coordinator's task after a director declined (/agreement/declined.xhtml?taskId=): read the
 * reason, then generate a new version (e.g. after fixing the institution's details) or abandon.
 */
@Named
@ViewScoped
public class DeclinedView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String TASK = "handleDeclinedAgreement";

    @Inject
    Workflow workflow;

    @Inject
    AgreementWorkflow agreementWorkflow;

    @Inject
    Agreements agreements;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccessGuard guard;

    @Inject
    TaskPages taskPages;

    @Inject
    Messages messages;

    private String taskId;
    private Long agreementId;
    private transient Agreement agreement;

    public void load() {
        WorkTask task = taskPages.open(taskId, TASK);
        if (task == null) {
            return; // answered 404
        }
        agreementId = Variables.optionalId(workflow.variables(taskId).get(AgreementWorkflow.AGREEMENT_ID));
        guard.require(agreementId != null && getAgreement() != null, "agreement of task " + taskId);
    }

    public String regenerate() {
        return decide(true, "agreement.declined.regenerated");
    }

    public String abandon() {
        return decide(false, "agreement.declined.abandoned");
    }

    private String decide(boolean regenerate, String doneKey) {
        try {
            agreementWorkflow.handleDecline(taskId, currentUser.getUsername(), regenerate);
        } catch (UserFacingException e) {
            // includes TaskGoneException: a colleague decided already
            messages.error(e);
            return null;
        }
        messages.info(doneKey, getAgreement().getNumber());
        messages.keepForRedirect();
        return "/tasks/inbox?faces-redirect=true";
    }

    public Agreement getAgreement() {
        if (agreement == null && agreementId != null) {
            agreement = agreements.find(agreementId).orElse(null);
        }
        return agreement;
    }

    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
}
