package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The 14 days are over: the link stops working (step expireInvitation). */
@Named("expireInvitation")
@Dependent
public class ExpireInvitationDelegate implements JavaDelegate {

    @Inject
    OnboardingWorkflow onboarding;

    @Override
    public void execute(DelegateExecution execution) {
        Long institutionId = (Long) execution.getVariable("institutionId");
        onboarding.expireInvitation((Long) execution.getVariable("invitationId"));
    }
}
