package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Every 7 days while unsigned: mails the institution's directors. */
@Named("sendSignReminder")
@Dependent
public class SendSignReminderDelegate implements JavaDelegate {

    @Inject
    Agreements agreements;

    @Override
    public void execute(DelegateExecution execution) {
        agreements.remindDirectors(Variables.id(execution.getVariable(AgreementWorkflow.AGREEMENT_ID), AgreementWorkflow.AGREEMENT_ID));
    }
}
