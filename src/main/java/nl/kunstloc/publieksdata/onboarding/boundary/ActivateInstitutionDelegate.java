package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The coordinator approved: the institution is a participant now (step activateInstitution). */
@Named("activateInstitution")
@Dependent
public class ActivateInstitutionDelegate implements JavaDelegate {

    @Inject
    OnboardingWorkflow onboarding;

    @Override
    public void execute(DelegateExecution execution) {
        Long institutionId = (Long) execution.getVariable("institutionId");
        onboarding.markActive(institutionId);
    }
}
