package nl.kunstloc.publieksdata.workflow;

import java.time.Instant;

/** A process instance, running or ended. */
public record ProcessSummary(String id, String processKey, String processName, int version, String businessKey,
                             Long institutionId, String institutionName, Instant started, Instant ended,
                             String endState, String startedBy) implements java.io.Serializable {

    public boolean isEnded() {
        return ended != null;
    }
}
