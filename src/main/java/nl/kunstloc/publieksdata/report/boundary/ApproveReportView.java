package nl.kunstloc.publieksdata.report.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.report.control.Reports;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Reference;
import nl.kunstloc.publieksdata.workflow.TaskPages;
import nl.kunstloc.publieksdata.workflow.WorkTask;

/**
 * The director approves this version of the report, or asks the coordinator questions (task approveReport,
 * /report/approve.xhtml). Task and report are fixed at load; {@link Reports} checks them again.
 */
@Named
@ViewScoped
public class ApproveReportView implements Serializable {

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
    /** Not kept in the session (replicated between nodes, ADR 15): built again from the cached figures when needed. */
    private transient ReportFiguresModel model;
    private String questions;

    public void load() {
        task = taskPages.open(taskId, "approveReport");
        if (task != null) {
            openedTaskId = task.id();
            report = reports.ofTask(openedTaskId);
            reportId = report.getId();
            model = new ReportFiguresModel(reports.figures(report), messages.locale(), Reference.PROVINCE);
        }
    }

    public String approve() {
        try {
            reports.approve(reportId, openedTaskId, currentUser.getUsername());
            messages.info("report.approve.approved", report.getInstitutionName(), report.getReportVersion());
            messages.keepForRedirect();
            return "/report/report?faces-redirect=true&id=" + reportId;
        } catch (UserFacingException e) {
            messages.error(e);
        }
        return null;
    }

    public String ask() {
        try {
            reports.askQuestions(reportId, openedTaskId, questions, currentUser.getUsername());
            messages.info("report.approve.asked", report.getInstitutionName(), report.getReportVersion());
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
    public ReportFiguresModel getModel() {
        if (model == null && report != null && report.isComputed()) {
            model = new ReportFiguresModel(reports.figures(report), messages.locale(), Reference.PROVINCE);
        }
        return model;
    }
    public String getQuestions() { return questions; }
    public void setQuestions(String questions) { this.questions = questions; }
}
