package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import nl.kunstloc.publieksdata.agreement.control.SigningConfirmation;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.workflow.TaskPages;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The director's task "Review and sign agreement" (/agreement/sign.xhtml?taskId=): the PDF inline,
 * then sign (password, typed name, agreement box) or decline with a reason.
 */
@Named
@ViewScoped
public class SignView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String TASK = "signAgreement";

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
    private String password;
    private String typedName;
    private boolean agreed;
    private String declineReason;

    public void load() {
        WorkTask task = taskPages.open(taskId, TASK);
        if (task == null) {
            return; // answered 404
        }
        agreementId = Variables.optionalId(workflow.variables(taskId).get(AgreementWorkflow.AGREEMENT_ID));
        guard.require(agreementId != null && getAgreement() != null, "agreement of task " + taskId);
    }

    public String sign() {
        try {
            agreementWorkflow.directorSigns(taskId, agreementId, currentUser.getUsername(),
                    new SigningConfirmation(password, typedName, agreed), clientIp());
        } catch (UserFacingException e) {
            password = null;
            messages.error(e);
            return null;
        }
        messages.info("agreement.sign.signed", getAgreement().getNumber());
        messages.keepForRedirect();
        return "/agreement/detail?faces-redirect=true&id=" + agreementId;
    }

    public String decline() {
        try {
            agreementWorkflow.directorDeclines(taskId, agreementId, currentUser.getUsername(), declineReason);
        } catch (UserFacingException e) {
            messages.error(e);
            return null;
        }
        messages.info("agreement.sign.declined", getAgreement().getNumber());
        messages.keepForRedirect();
        return "/tasks/inbox?faces-redirect=true";
    }

    /** The address the request came from, as the container sees it; X-Forwarded-For is not trusted. */
    static String clientIp() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
    }

    public Agreement getAgreement() {
        if (agreement == null && agreementId != null) {
            agreement = agreements.find(agreementId).orElse(null);
        }
        return agreement;
    }

    public String getExpectedName() { return currentUser.getDisplayName(); }
    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public Long getAgreementId() { return agreementId; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getTypedName() { return typedName; }
    public void setTypedName(String typedName) { this.typedName = typedName; }
    public boolean isAgreed() { return agreed; }
    public void setAgreed(boolean agreed) { this.agreed = agreed; }
    public String getDeclineReason() { return declineReason; }
    public void setDeclineReason(String declineReason) { this.declineReason = declineReason; }
}
