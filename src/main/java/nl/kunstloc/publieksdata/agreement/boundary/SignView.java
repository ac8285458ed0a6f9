package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * The director's task "Review and sign agreement" (/agreement/sign.xhtml?taskId=): the PDF inline,
 * then sign (password, typed name, agreement box) or decline with a reason.
 */
@Named
@ViewScoped
public class SignView extends SigningTaskView {

    private static final long serialVersionUID = 1L;
    static final String TASK = "signAgreement";

    private String declineReason;

    @Override
    String taskKey() {
        return TASK;
    }

    public String sign() {
        try {
            agreementWorkflow.directorSigns(taskId, agreementId, currentUser.getUsername(), confirmation(), clientIp());
        } catch (UserFacingException e) {
            forgetPassword();
            messages.error(e);
            return null;
        }
        return done("agreement.sign.signed", "/agreement/detail?faces-redirect=true&id=" + agreementId);
    }

    public String decline() {
        try {
            agreementWorkflow.directorDeclines(taskId, agreementId, currentUser.getUsername(), declineReason);
        } catch (UserFacingException e) {
            messages.error(e);
            return null;
        }
        return done("agreement.sign.declined", "/tasks/inbox?faces-redirect=true");
    }

    public String getDeclineReason() { return declineReason; }
    public void setDeclineReason(String declineReason) { this.declineReason = declineReason; }
}
