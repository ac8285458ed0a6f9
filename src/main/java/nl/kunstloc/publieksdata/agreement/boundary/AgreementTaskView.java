package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.inject.Inject;
import java.io.Serializable;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.workflow.TaskPages;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * What every page of an agreement task shares: the task from {@code ?taskId=} (404 when it is not the
 * user's or not of this kind) and the agreement it is about. The pages add their own decision.
 */
abstract class AgreementTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

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

    protected String taskId;
    protected Long agreementId;
    private transient Agreement agreement;

    /** The task definition key this page completes. */
    abstract String taskKey();

    public void load() {
        WorkTask task = taskPages.open(taskId, taskKey());
        if (task == null) {
            return; // answered 404
        }
        agreementId = Variables.optionalId(workflow.variables(taskId).get(AgreementWorkflow.AGREEMENT_ID));
        guard.require(agreementId != null && getAgreement() != null, "agreement of task " + taskId);
    }

    /** A message for the next page, then that page. */
    String done(String messageKey, String outcome) {
        messages.info(messageKey, getAgreement().getNumber());
        messages.keepForRedirect();
        return outcome;
    }

    public Agreement getAgreement() {
        if (agreement == null && agreementId != null) {
            agreement = agreements.find(agreementId).orElse(null);
        }
        return agreement;
    }

    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public Long getAgreementId() { return agreementId; }
}
