package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Countersigned: the agreement is in force until the end date printed in it; the timers take their dates from here. */
@Named("activateAgreement")
@Dependent
public class ActivateAgreementDelegate implements JavaDelegate {

    /** How long before the end the renewal is asked for (docs/processes/data-sharing-agreement.md). */
    static final java.time.Duration RENEWAL_NOTICE = java.time.Duration.ofDays(60);

    @Inject
    Agreements agreements;

    @Override
    public void execute(DelegateExecution execution) {
        java.time.Instant expires = agreements.activate(Variables.id(execution.getVariable(AgreementWorkflow.AGREEMENT_ID), AgreementWorkflow.AGREEMENT_ID));
        execution.setVariable("expiryDate", java.util.Date.from(expires));
        execution.setVariable("renewalReminderDate", java.util.Date.from(expires.minus(RENEWAL_NOTICE)));
    }
}
