package nl.kunstloc.publieksdata.workflow;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.Role;

/**
 * What every task page does first: find the task of its ?taskId=, check it is the kind of task
 * the page completes, and that this user may work on it (assigned to them, open to one of their
 * groups, or a coordinator). Anything else answers 404, so ids of other institutions reveal nothing.
 */
@RequestScoped
public class TaskPages {

    @Inject
    Workflow workflow;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccessGuard guard;

    /** The task, or null after answering 404. */
    public WorkTask open(String taskId, String taskKey) {
        WorkTask task = workflow.task(taskId).orElse(null);
        if (!guard.require(task != null && task.taskKey().equals(taskKey), "task " + taskId)) {
            return null;
        }
        boolean allowed = currentUser.getUsername().equals(task.assignee())
                || currentUser.hasRole(Role.COORDINATOR)
                || workflow.candidateGroups(taskId).stream().anyMatch(currentUser.workflowGroups()::contains);
        if (task.institutionId() != null && !currentUser.mayAccessInstitution(task.institutionId())) {
            allowed = false;
        }
        return guard.require(allowed, "task " + taskId) ? task : null;
    }

    /**
     * For an action of a task page that does not complete the task (saving a draft, adding a file):
     * the task the page opened is still one this user may work on (ADR 8). A task done meanwhile passes,
     * so the control method can say it is gone; anything else answers 404 and returns false.
     * (Completing a task checks the same in {@link Workflow#complete}.)
     */
    public boolean recheck(String taskId, String taskKey) {
        return workflow.task(taskId).isEmpty() || open(taskId, taskKey) != null;
    }
}
