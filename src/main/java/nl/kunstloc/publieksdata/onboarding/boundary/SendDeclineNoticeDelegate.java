package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Mails the applicant that the application was declined, with the reason (step sendDeclineNotice). */
@Named("sendDeclineNotice")
@Dependent
public class SendDeclineNoticeDelegate implements JavaDelegate {

    @Inject
    OnboardingWorkflow onboarding;

    @Override
    public void execute(DelegateExecution execution) {
        Long institutionId = (Long) execution.getVariable("institutionId");
        onboarding.sendDeclineNotice(institutionId, (String) execution.getVariable("declineReason"));
    }
}
