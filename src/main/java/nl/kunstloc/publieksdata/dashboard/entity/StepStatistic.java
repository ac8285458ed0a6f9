package nl.kunstloc.publieksdata.dashboard.entity;

import java.time.Duration;

/** How long one step of a process takes: over its finished executions, and how many wait in it now. */
public record StepStatistic(String processKey, String activityId, String name, long executions, Duration median,
                            Duration slowest, long waiting) implements java.io.Serializable {
}
