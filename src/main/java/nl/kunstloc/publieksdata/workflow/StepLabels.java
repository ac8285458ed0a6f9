package nl.kunstloc.publieksdata.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.platform.web.Messages;

/**
 * Names of processes and steps in the user's language. The BPMN files name them in English (they
 * are read by developers too); pages show {@code workflow.step.<activityId>} and
 * {@code workflow.process.<processKey>} from the texts, and the BPMN name where no text exists.
 */
@Named("labels")
@ApplicationScoped
public class StepLabels {

    @Inject
    Messages messages;

    public String task(WorkTask task) {
        return label("workflow.step." + task.taskKey(), task.name());
    }

    public String step(ProcessStep step) {
        return label("workflow.step." + step.activityId(), step.name());
    }

    /** A step by its activity id; the BPMN name (or the id) where no text exists. */
    public String activity(String activityId, String fallback) {
        return label("workflow.step." + activityId, fallback == null ? activityId : fallback);
    }

    public String process(String processKey, String fallback) {
        return label("workflow.process." + processKey, fallback);
    }

    private String label(String key, String fallback) {
        String text = messages.text(key);
        return text.equals(key) ? fallback : text;
    }
}
