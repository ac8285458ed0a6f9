package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryStatus;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.workflow.Workflow;

/** One delivery: status, progress while validating, the validation report. */
@Named
@ViewScoped
public class DeliveryView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Deliveries deliveries;

    @Inject
    Workflow workflow;

    @Inject
    AccessGuard guard;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private Long id;
    private Delivery delivery;
    private boolean failed;

    public void load() {
        delivery = deliveries.reload(id).orElse(null);
        if (!guard.require(delivery != null && currentUser.mayAccessInstitution(delivery.getInstitutionId()), "delivery " + id)) {
            return;
        }
        refresh();
    }

    /** Called by the poll while validating. */
    public void refresh() {
        Delivery current = deliveries.reload(id).orElse(null);
        // the delivery opened, checked again on every poll (ADR 8)
        if (!guard.require(current != null && currentUser.mayAccessInstitution(current.getInstitutionId()), "delivery " + id)) {
            return;
        }
        delivery = current;
        failed = delivery.getProcessInstanceId() != null && workflow.incidents().stream()
                .anyMatch(i -> delivery.getProcessInstanceId().equals(i.processInstanceId()));
    }

    public boolean isRunning() {
        return !failed && (delivery.getStatus() == DeliveryStatus.UPLOADED || delivery.getStatus() == DeliveryStatus.VALIDATING);
    }

    /** Percentage for the progress bar: of the rows of the last run when known, else an estimate from the file size. */
    public int getPercent() {
        long estimate = Math.max(1, delivery.getFileBytes() / 80);
        return (int) Math.min(99, delivery.getProgressRows() * 100 / estimate);
    }

    /** The open task of this delivery, for a link from the page to it. */
    public String getTaskUrl() {
        if (delivery.getProcessInstanceId() == null) {
            return null;
        }
        return workflow.openTasks(delivery.getProcessInstanceId()).stream()
                .filter(t -> currentUser.workflowGroups().stream().anyMatch(g -> workflow.candidateGroups(t.id()).contains(g)))
                .findFirst().map(t -> t.pageUrl()).orElse(null);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Delivery getDelivery() { return delivery; }

    /** Why the file was refused, with its line number, in the user's language. */
    public String getFailureText() {
        return delivery == null || delivery.getFailure() == null ? null
                : messages.text(delivery.getFailure(), delivery.getFailureArguments());
    }
    public boolean isFailed() { return failed; }
}
