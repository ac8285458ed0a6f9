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

/**
 * The coordinator reviews a delivery (task reviewDelivery, page /delivery/review.xhtml): accept, or
 * send it back with a comment. Named deliveryReviewView because onboarding's page of the same file
 * name already has reviewView.
 */
@Named
@ViewScoped
public class DeliveryReviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskPages taskPages;

    @Inject
    Deliveries deliveries;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String taskId;
    private WorkTask task;
    private Delivery delivery;
    private String comment;

    public void load() {
        task = taskPages.open(taskId, "reviewDelivery");
        if (task != null) {
            delivery = deliveries.ofTask(taskId);
        }
    }

    public String accept() {
        try {
            deliveries.accept(delivery.getId(), taskId, currentUser.getUsername());
            return done("delivery.review.accepted");
        } catch (UserFacingException e) {
            messages.error(e);
        }
        return null;
    }

    public String sendBack() {
        try {
            deliveries.sendBack(delivery.getId(), taskId, comment, currentUser.getUsername());
            return done("delivery.review.sentBack");
        } catch (UserFacingException e) {
            messages.error(e);
        }
        return null;
    }

    private String done(String key) {
        messages.info(key, delivery.getFileName(), delivery.getInstitutionName());
        messages.keepForRedirect();
        return "/tasks/inbox?faces-redirect=true";
    }

    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public WorkTask getTask() { return task; }
    public Delivery getDelivery() { return delivery; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
