package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Issues a new invitation link for the institution's contact person and mails it (step sendInvitation). */
@Named("sendInvitation")
@Dependent
public class SendInvitationDelegate implements JavaDelegate {

    @Inject
    OnboardingWorkflow onboarding;

    @Override
    public void execute(DelegateExecution execution) {
        Long institutionId = (Long) execution.getVariable("institutionId");
        execution.setVariable("invitationId", onboarding.inviteContact(institutionId));
    }
}
