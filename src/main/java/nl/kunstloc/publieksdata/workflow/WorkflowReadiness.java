package nl.kunstloc.publieksdata.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the workflow engine runs and, on a node that runs jobs, its job executor takes them. */
@Readiness
@ApplicationScoped
public class WorkflowReadiness implements HealthCheck {

    @Inject
    WorkflowEngine engine;

    @Override
    public HealthCheckResponse call() {
        boolean up;
        boolean jobs = true;
        try {
            up = engine.isRunning();
            jobs = engine.runsJobs();
        } catch (RuntimeException e) {
            up = false;
        }
        return HealthCheckResponse.named("workflow-engine").status(up).withData("jobs", jobs ? "this node" : "other nodes").build();
    }
}
