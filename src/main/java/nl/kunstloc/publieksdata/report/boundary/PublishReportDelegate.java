package nl.kunstloc.publieksdata.report.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.report.control.Reports;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** After the director's approval: the version becomes the published report; the one before is superseded. */
@Named("publishReport")
@Dependent
public class PublishReportDelegate implements JavaDelegate {

    @Inject
    Reports reports;

    @Override
    public void execute(DelegateExecution execution) {
        reports.publish(Variables.id(execution.getVariable(Reports.REPORT_ID), Reports.REPORT_ID));
    }
}
