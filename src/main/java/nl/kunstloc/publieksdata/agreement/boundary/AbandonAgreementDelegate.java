package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The coordinator gave up on a declined agreement. */
@Named("abandonAgreement")
@Dependent
public class AbandonAgreementDelegate implements JavaDelegate {

    @Inject
    Agreements agreements;

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(AgreementWorkflow.DECLINE_REASON);
        agreements.abandon(Variables.id(execution.getVariable(AgreementWorkflow.AGREEMENT_ID), AgreementWorkflow.AGREEMENT_ID), reason == null ? null : reason.toString());
    }
}
