package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * The coordinator's task after a director declined (/agreement/declined.xhtml?taskId=): read the
 * reason, then generate a new version (e.g. after fixing the institution's details) or abandon.
 */
@Named
@ViewScoped
public class DeclinedView extends AgreementTaskView {

    private static final long serialVersionUID = 1L;
    static final String TASK = "handleDeclinedAgreement";

    @Override
    String taskKey() {
        return TASK;
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
        return done(doneKey, "/tasks/inbox?faces-redirect=true");
    }
}
