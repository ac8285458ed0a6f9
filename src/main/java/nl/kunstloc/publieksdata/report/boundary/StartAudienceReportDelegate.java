package nl.kunstloc.publieksdata.report.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.report.control.Reports;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Called by the delivery process once its delivery is accepted: a new version of the institution's report. */
@Named("startAudienceReport")
@Dependent
public class StartAudienceReportDelegate implements JavaDelegate {

    @Inject
    Reports reports;

    @Override
    public void execute(DelegateExecution execution) {
        reports.request(Variables.id(execution.getVariable("institutionId"), "institutionId"), AuditTrail.SYSTEM);
    }
}
