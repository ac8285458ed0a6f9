package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.workflow.TaskPages;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The institution resolves validation problems (task resolveValidationProblems): fix the mapping and
 * run again, upload a corrected file (a new version), or accept the rows that passed.
 */
@Named
@ViewScoped
public class ProblemsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskPages taskPages;

    @Inject
    Workflow workflow;

    @Inject
    Deliveries deliveries;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String taskId;
    private WorkTask task;
    private Delivery delivery;
    private MappingEditor editor;
    private boolean saveMapping = true;
    private String reviewComment;

    public void load() {
        task = taskPages.open(taskId, "resolveValidationProblems");
        if (task == null) {
            return;
        }
        delivery = deliveries.ofTask(taskId);
        Object comment = workflow.variables(taskId).get("reviewComment");
        reviewComment = comment == null ? null : comment.toString();
        if (delivery.isFileHeld()) {
            try {
                editor = new MappingEditor(deliveries.preview(delivery.getId()));
            } catch (RuntimeException unreadable) {
                editor = null; // an unreadable file: only a corrected file helps
            }
        }
    }

    public String rerun() {
        if (editor == null) {
            return null;
        }
        if (!editor.isComplete()) {
            messages.error("delivery.mapping.incomplete", String.join(", ", editor.getMissingRequired().stream()
                    .map(f -> messages.text("delivery.field." + f)).toList()));
            return null;
        }
        try {
            deliveries.remapAndRerun(delivery.getId(), taskId, editor.mapping(), saveMapping, editor.headers(),
                    currentUser.getUsername());
            return toDelivery("delivery.problems.rerun");
        } catch (IllegalArgumentException e) {
            messages.error("delivery.mapping.duplicate");
        } catch (UserFacingException e) {
            messages.error(e);
        }
        return null;
    }

    public String acceptPassingRows() {
        try {
            deliveries.acceptPassingRows(delivery.getId(), taskId, currentUser.getUsername());
            return toDelivery("delivery.problems.accepted");
        } catch (UserFacingException e) {
            messages.error(e);
        }
        return null;
    }

    private String toDelivery(String message) {
        messages.info(message, delivery.getFileName());
        messages.keepForRedirect();
        return "/delivery/delivery?faces-redirect=true&id=" + delivery.getId();
    }

    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public WorkTask getTask() { return task; }
    public Delivery getDelivery() { return delivery; }

    /** Why the file was refused, with its line number, in the user's language. */
    public String getFailureText() {
        return delivery == null || delivery.getFailure() == null ? null
                : messages.text(delivery.getFailure(), delivery.getFailureArguments());
    }
    public MappingEditor getEditor() { return editor; }
    public boolean isSaveMapping() { return saveMapping; }
    public void setSaveMapping(boolean saveMapping) { this.saveMapping = saveMapping; }
    public String getReviewComment() { return reviewComment; }
}
