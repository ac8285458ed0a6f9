package nl.kunstloc.publieksdata.report.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.report.control.Reports;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Every 7 days while the director has not decided: mails the institution's directors. */
@Named("sendApprovalReminder")
@Dependent
public class SendApprovalReminderDelegate implements JavaDelegate {

    @Inject
    Reports reports;

    @Override
    public void execute(DelegateExecution execution) {
        reports.remindDirectors(Variables.id(execution.getVariable(Reports.REPORT_ID), Reports.REPORT_ID));
    }
}
