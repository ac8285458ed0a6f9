package nl.kunstloc.publieksdata.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the workflow engine runs and its job executor takes jobs. */
@Readiness
@ApplicationScoped
public class WorkflowReadiness implements HealthCheck {

    @Inject
    WorkflowEngine engine;

    @Override
    public HealthCheckResponse call() {
        boolean up;
        try {
            up = engine.isRunning();
        } catch (RuntimeException e) {
            up = false;
        }
        return HealthCheckResponse.named("workflow-engine").status(up).build();
    }
}
