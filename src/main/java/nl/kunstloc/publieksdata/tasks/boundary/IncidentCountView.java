package nl.kunstloc.publieksdata.tasks.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.workflow.Workflow;

/** The number of open incidents, shown next to "Incidenten" in the coordinators' menu so a stuck process is noticed. */
@Named
@RequestScoped
public class IncidentCountView {

    @Inject
    Workflow workflow;

    private Long count;

    public long getCount() {
        if (count == null) {
            count = workflow.countIncidents();
        }
        return count;
    }
}
