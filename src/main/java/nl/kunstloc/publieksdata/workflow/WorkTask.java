package nl.kunstloc.publieksdata.workflow;

import java.time.Instant;

/** An open user task as the inbox and the task pages see it; no Camunda types leave the workflow package. */
public record WorkTask(String id, String name, String taskKey, String processKey, String processName,
                       String processInstanceId, String businessKey, String assignee, Instant created, Instant due,
                       String formKey, Long institutionId, String institutionName) implements java.io.Serializable {

    public boolean isOverdue(Instant now) {
        return due != null && due.isBefore(now);
    }

    public boolean isAssigned() {
        return assignee != null;
    }

    /** The page that completes this task, with the task id, relative to the context root. */
    public String pageUrl() {
        if (formKey == null || formKey.isBlank()) {
            return "/tasks/process.xhtml?id=" + processInstanceId;
        }
        return formKey + (formKey.contains("?") ? "&" : "?") + "taskId=" + id;
    }
}
