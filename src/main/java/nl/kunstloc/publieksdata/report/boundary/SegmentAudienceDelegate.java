package nl.kunstloc.publieksdata.report.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.platform.jobs.LargeJobs;
import nl.kunstloc.publieksdata.report.control.Reports;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The job that computes the report's figures (asyncBefore: restart-safe, retried, an incident after three failures). */
@Named("segmentAudience")
@Dependent
public class SegmentAudienceDelegate implements JavaDelegate {

    @Inject
    Reports reports;

    @Inject
    LargeJobs largeJobs;

    @Override
    public void execute(DelegateExecution execution) {
        Long reportId = Variables.id(execution.getVariable(Reports.REPORT_ID), Reports.REPORT_ID);
        largeJobs.run("segmentation of report " + reportId, largeJobs.isLarge(reports.rowsToSegment(reportId)), () -> {
            reports.compute(reportId);
            return null;
        });
    }
}
