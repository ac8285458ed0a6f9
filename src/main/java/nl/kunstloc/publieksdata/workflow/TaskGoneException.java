package nl.kunstloc.publieksdata.workflow;

import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/** The task was completed or cancelled in the meantime (double click, or a colleague was quicker). */
public class TaskGoneException extends UserFacingException {
    public TaskGoneException(String taskId) {
        super("error.task.gone", taskId);
    }
}
