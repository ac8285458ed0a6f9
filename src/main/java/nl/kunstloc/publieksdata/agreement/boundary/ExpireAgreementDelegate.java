package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The end date passed: the agreement is no longer in force. */
@Named("expireAgreement")
@Dependent
public class ExpireAgreementDelegate implements JavaDelegate {

    @Inject
    Agreements agreements;

    @Override
    public void execute(DelegateExecution execution) {
        agreements.expire(Variables.id(execution.getVariable(AgreementWorkflow.AGREEMENT_ID), AgreementWorkflow.AGREEMENT_ID));
    }
}
