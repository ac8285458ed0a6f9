package nl.kunstloc.publieksdata.workflow;

import java.time.Instant;

/** A step of a process instance's history: what happened, who did it, when. */
public record ProcessStep(String activityId, String name, String type, String completedBy, Instant started, Instant ended,
                          boolean canceled) {

    public boolean isOpen() {
        return ended == null;
    }

    public boolean isUserTask() {
        return "userTask".equals(type);
    }
}
