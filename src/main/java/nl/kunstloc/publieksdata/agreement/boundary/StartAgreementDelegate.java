package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Called by onboarding after approval: starts the institution's data-sharing agreement. */
@Named("startAgreement")
@Dependent
public class StartAgreementDelegate implements JavaDelegate {

    @Inject
    AgreementWorkflow agreementWorkflow;

    @Override
    public void execute(DelegateExecution execution) {
        agreementWorkflow.start(Variables.id(execution.getVariable("institutionId"), "institutionId"), String.valueOf(execution.getVariable("institutionName")));
    }
}
