package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** 60 days before the end: tells directors and coordinators, and starts the renewal as a new instance. */
@Named("requestRenewal")
@Dependent
public class RequestRenewalDelegate implements JavaDelegate {

    @Inject
    Agreements agreements;

    @Inject
    AgreementWorkflow agreementWorkflow;

    @Override
    public void execute(DelegateExecution execution) {
        Long agreementId = Variables.id(execution.getVariable(AgreementWorkflow.AGREEMENT_ID), AgreementWorkflow.AGREEMENT_ID);
        agreements.requestRenewal(agreementId);
        agreementWorkflow.startRenewal(Variables.id(execution.getVariable("institutionId"), "institutionId"),
                String.valueOf(execution.getVariable("institutionName")), agreementId);
    }
}
