package nl.kunstloc.publieksdata.dashboard.entity;

import java.util.List;

/** Instances of one process running and finished, and its steps slowest-first by median. */
public record ProcessStatistic(String processKey, String name, long running, long finished, List<StepStatistic> steps) implements java.io.Serializable {

    public ProcessStatistic {
        steps = List.copyOf(steps);
    }
}
