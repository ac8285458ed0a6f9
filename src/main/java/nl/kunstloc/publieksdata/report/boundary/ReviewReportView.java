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
 * The coordinator reviews a report draft (task reviewReport, /report/review.xhtml): approve it for the
 * director, or send it back to the institution with remarks. Task and report are fixed at load; the
 * actions use those and {@link Reports} checks them again.
 */
@Named
@ViewScoped
public class ReviewReportView implements Serializable {

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
    private String text;

    public void load() {
        task = taskPages.open(taskId, "reviewReport");
        if (task != null) {
            openedTaskId = task.id();
            report = reports.ofTask(openedTaskId);
            reportId = report.getId();
            model = new ReportFiguresModel(reports.figures(report), messages.locale(), Reference.PROVINCE);
        }
    }

    public String approve() {
        try {
            reports.approveForDirector(reportId, openedTaskId, text, currentUser.getUsername());
            return done("report.review.approved");
        } catch (UserFacingException e) {
            messages.error(e);
        }
        return null;
    }

    public String sendBack() {
        try {
            reports.sendBack(reportId, openedTaskId, text, currentUser.getUsername());
            return done("report.review.sentBack");
        } catch (UserFacingException e) {
            messages.error(e);
        }
        return null;
    }

    private String done(String key) {
        messages.info(key, report.getInstitutionName(), report.getReportVersion());
        messages.keepForRedirect();
        return "/tasks/inbox?faces-redirect=true";
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
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
