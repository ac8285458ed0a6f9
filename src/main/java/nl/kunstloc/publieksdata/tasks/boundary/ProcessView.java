package nl.kunstloc.publieksdata.tasks.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kunstloc.publieksdata.dashboard.control.ProcessFacts;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.workflow.ProcessComment;
import nl.kunstloc.publieksdata.workflow.ProcessStep;
import nl.kunstloc.publieksdata.workflow.ProcessSummary;
import nl.kunstloc.publieksdata.workflow.StepLabels;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;

/** One process instance: where it is, what happened (who, when), its variables, comments. */
@Named
@ViewScoped
public class ProcessView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Variables that are internal plumbing, not information for a reader. */
    private static final Set<String> HIDDEN = Set.of("initiator");

    @Inject
    Workflow workflow;

    @Inject
    AccessGuard guard;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    @Inject
    StepLabels labels;

    /** The readers' time zone (publieksdata.time-zone): the pilot's people are in the Netherlands, the server may run in UTC. */
    private java.time.ZoneId zone;

    private String id;
    private ProcessSummary process;
    private String comment;

    /** Loads the process; anyone who may not see its institution gets 404. */
    public void load() {
        zone = java.time.ZoneId.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("publieksdata.time-zone", String.class).orElse("Europe/Amsterdam"));
        process = workflow.process(id).orElse(null);
        allowed();
    }

    /** The process opened is one this user may see; checked at open and again by every action (ADR 8). */
    private boolean allowed() {
        if (!guard.require(process != null && process.id().equals(id), "process " + id)) {
            return false;
        }
        return process.institutionId() == null
                ? guard.require(currentUser.overseesAllInstitutions(), "process " + id)
                : guard.requireInstitution(process.institutionId());
    }

    public List<ProcessStep> getHistory() {
        return workflow.history(id);
    }

    /** The steps the process waits in now, named in the reader's language (not the BPMN's English names). */
    public String getCurrentSteps() {
        String names = workflow.history(id).stream().filter(ProcessStep::isOpen).map(labels::step).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        return names.isEmpty() ? "—" : names;
    }

    public List<WorkTask> getOpenTasks() {
        return workflow.openTasks(id);
    }

    /** The process data with labels and formatted values, ids as links (ProcessFacts). */
    public List<ProcessFacts.Fact> getVariables() {
        Map<String, Object> variables = new java.util.TreeMap<>(workflow.processVariables(id));
        HIDDEN.forEach(variables::remove);
        return ProcessFacts.of(variables, key -> {
            String text = messages.text(key);
            return text.equals(key) ? java.util.Optional.empty() : java.util.Optional.of(text);
        }, messages.locale(), zone);
    }

    /** The BPMN of this instance's process version, shown as a diagram with the done and current steps marked. */
    public String getDiagramXml() {
        return workflow.diagramXml(id).orElse("");
    }

    public String getCurrentActivities() {
        return String.join(",", workflow.currentActivityIds(id));
    }

    public String getCompletedActivities() {
        return String.join(",", workflow.completedActivityIds(id));
    }

    /** What the diagram shows, as text for screen readers: the steps done and the step(s) the process waits in. */
    public String getDiagramText() {
        List<ProcessStep> steps = workflow.history(id);
        return messages.text("tasks.process.diagram.text",
                stepNames(steps.stream().filter(s -> !s.isOpen() && !s.canceled()).toList()),
                stepNames(steps.stream().filter(ProcessStep::isOpen).toList()));
    }

    private String stepNames(List<ProcessStep> steps) {
        String names = steps.stream().map(labels::step).distinct().collect(java.util.stream.Collectors.joining(", "));
        return names.isEmpty() ? "—" : names;
    }

    public List<ProcessComment> getComments() {
        return workflow.comments(id);
    }

    public void addComment() {
        if (!allowed()) {
            return;
        }
        if (comment == null || comment.isBlank()) {
            messages.fieldError("comments:comment", "tasks.process.comment.empty");
            return;
        }
        if (comment.length() > 4000) {
            messages.fieldError("comments:comment", "tasks.process.comment.tooLong", 4000);
            return;
        }
        workflow.addComment(id, currentUser.getUsername(), comment);
        comment = null;
        messages.info("tasks.process.comment.added");
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public ProcessSummary getProcess() { return process; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
