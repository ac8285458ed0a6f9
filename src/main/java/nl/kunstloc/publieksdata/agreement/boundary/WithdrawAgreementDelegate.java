package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Withdrawal: ends the agreement at once and raises AgreementWithdrawn (deletion of raw rows). */
@Named("withdrawAgreement")
@Dependent
public class WithdrawAgreementDelegate implements JavaDelegate {

    @Inject
    Agreements agreements;

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(AgreementWorkflow.WITHDRAWAL_REASON);
        Object by = execution.getVariable(AgreementWorkflow.WITHDRAWN_BY);
        agreements.withdraw(Variables.id(execution.getVariable(AgreementWorkflow.AGREEMENT_ID), AgreementWorkflow.AGREEMENT_ID),
                reason == null ? null : reason.toString(), by == null ? null : by.toString());
    }
}
