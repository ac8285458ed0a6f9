package nl.kunstloc.publieksdata.workflow;

import java.util.List;
import java.util.Map;

/**
 * One process (all its versions) as the engine's history sees it: instances running and finished, and per
 * step the durations of its finished executions and how many wait in it now.
 *
 * @param waiting instances waiting in each activity now, by activity id
 */
public record ProcessDurations(String processKey, String processName, long running, long finished, List<Step> steps,
                               Map<String, Long> waiting) {

    public ProcessDurations {
        steps = List.copyOf(steps);
        waiting = Map.copyOf(waiting);
    }

    /** A step (task) of the process and how long each finished execution of it took. */
    public record Step(String activityId, String name, String type, List<Long> durationsMillis) {
    }
}
