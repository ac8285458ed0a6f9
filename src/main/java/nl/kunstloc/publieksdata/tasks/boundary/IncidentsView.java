package nl.kunstloc.publieksdata.tasks.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.workflow.ProcessIncident;
import nl.kunstloc.publieksdata.workflow.Workflow;

/** Processes that are stuck on a failure: what failed, where, and a button to try again. */
@Named
@ViewScoped
public class IncidentsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Workflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    Messages messages;

    private List<ProcessIncident> incidents;

    public List<ProcessIncident> getIncidents() {
        if (incidents == null) {
            incidents = workflow.incidents();
        }
        return incidents;
    }

    public void retry(ProcessIncident incident) {
        workflow.retry(incident.jobId());
        audit.record("incident.retry", "process", incident.processInstanceId(), incident.institutionId(), incident.message());
        messages.info("tasks.incidents.retried");
        incidents = null;
    }
}
