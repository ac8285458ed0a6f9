package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * The coordinator's task "Countersign agreement" (/agreement/countersign.xhtml?taskId=): the PDF the
 * director signed, inline, and the same three confirmations. Countersigning activates the agreement.
 */
@Named
@ViewScoped
public class CountersignView extends SigningTaskView {

    private static final long serialVersionUID = 1L;
    static final String TASK = "countersignAgreement";

    @Override
    String taskKey() {
        return TASK;
    }

    public String sign() {
        try {
            agreementWorkflow.coordinatorCountersigns(taskId, agreementId, currentUser.getUsername(), confirmation(), clientIp());
        } catch (UserFacingException e) {
            forgetPassword();
            messages.error(e);
            return null;
        }
        return done("agreement.countersign.done", "/agreement/detail?faces-redirect=true&id=" + agreementId);
    }
}
