package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Makes a new agreement version (PDF from the current template) and hands its id to the process. Runs as a job. */
@Named("generateAgreement")
@Dependent
public class GenerateAgreementDelegate implements JavaDelegate {

    @Inject
    Agreements agreements;

    @Override
    public void execute(DelegateExecution execution) {
        Object start = execution.getVariable(AgreementWorkflow.PERIOD_START);
        var agreement = agreements.generate(Variables.id(execution.getVariable("institutionId"), "institutionId"),
                Variables.optionalId(execution.getVariable(AgreementWorkflow.RENEWAL_OF)),
                start == null ? null : java.time.LocalDate.parse(start.toString()),
                execution.getProcessInstanceId());
        execution.setVariable(AgreementWorkflow.AGREEMENT_ID, agreement.getId());
    }
}
