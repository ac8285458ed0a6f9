package nl.kunstloc.publieksdata.report.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.report.control.Reports;
import nl.kunstloc.publieksdata.report.control.ReportTables;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import nl.kunstloc.publieksdata.workflow.TaskPages;
import nl.kunstloc.publieksdata.workflow.WorkTask;

/**
 * The institution answers the coordinator's remarks on a draft (task answerRemarks, /report/remarks.xhtml).
 * The draft's figures are not shown here: members see a report once it is published; the page shows
 * what the remarks are about (deliveries, match rate, period).
 */
@Named
@ViewScoped
public class RemarksView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskPages taskPages;

    @Inject
    Reports reports;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String taskId;
    private String openedTaskId;
    private Long reportId;
    private WorkTask task;
    private AudienceReport report;
    private String matchRate;
    private String period;
    private String answer;

    public void load() {
        task = taskPages.open(taskId, "answerRemarks");
        if (task != null) {
            openedTaskId = task.id();
            report = reports.ofTask(openedTaskId);
            reportId = report.getId();
            ReportTables tables = new ReportTables(reports.figures(report), messages.locale());
            matchRate = tables.matchRate();
            period = tables.period();
        }
    }

    public String send() {
        try {
            reports.answerRemarks(reportId, openedTaskId, answer, currentUser.getUsername());
            messages.info("report.remarks.sent", report.getReportVersion());
            messages.keepForRedirect();
            return "/tasks/inbox?faces-redirect=true";
        } catch (UserFacingException e) {
            messages.error(e);
        }
        return null;
    }

    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public WorkTask getTask() { return task; }
    public AudienceReport getReport() { return report; }
    public String getMatchRate() { return matchRate; }
    public String getPeriod() { return period; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
}
