package nl.kunstloc.publieksdata.workflow;

import java.time.Instant;

/** A failure the engine could not get past (a job out of retries): visible to coordinators, retryable. */
public record ProcessIncident(String id, String processInstanceId, String processKey, String activityId, Instant time,
                              String message, String jobId, Long institutionId, String institutionName) implements java.io.Serializable {
}
