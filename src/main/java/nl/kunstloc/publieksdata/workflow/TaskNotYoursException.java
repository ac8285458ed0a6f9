package nl.kunstloc.publieksdata.workflow;

import jakarta.ejb.ApplicationException;

/**
 * Somebody tried to complete a task that is not theirs (not assigned to them, not open to their groups,
 * or of another institution). No page offers that, so it is a forged request: nothing is changed (the
 * transaction rolls back) and the error page is shown.
 */
@ApplicationException(rollback = true)
public class TaskNotYoursException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskNotYoursException(String taskId, String user) {
        super(user + " may not complete task " + taskId);
    }
}
