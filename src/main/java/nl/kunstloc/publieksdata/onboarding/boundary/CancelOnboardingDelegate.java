package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stops the onboarding: institution cancelled, open invitations revoked, contact informed (steps cancelOnboarding, cancelExpiredOnboarding). */
@Named("cancelOnboarding")
@Dependent
public class CancelOnboardingDelegate implements JavaDelegate {

    @Inject
    OnboardingWorkflow onboarding;

    @Override
    public void execute(DelegateExecution execution) {
        Long institutionId = (Long) execution.getVariable("institutionId");
        onboarding.markCancelled(institutionId, (String) execution.getVariable("cancelReason"));
    }
}
