package nl.kunstloc.publieksdata.segmentation.entity;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A segment model held in memory for computing: its identity, its segments in order, and per PC4
 * the people (or households) per segment, in that order. Immutable; the arrays are copied in and
 * never handed out.
 */
public final class ModelData {

    private final AudienceFigures.ModelRef ref;
    private final List<SegmentDefinition> segments;
    private final Map<String, double[]> countsByPc4;

    public ModelData(AudienceFigures.ModelRef ref, List<SegmentDefinition> segments, Map<String, double[]> countsByPc4) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.segments = List.copyOf(segments);
        if (this.segments.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one segment");
        }
        Map<String, double[]> copy = new HashMap<>();
        countsByPc4.forEach((pc4, counts) -> {
            if (counts.length != this.segments.size()) {
                throw new IllegalArgumentException("PC4 " + pc4 + " has " + counts.length + " counts for "
                        + this.segments.size() + " segments");
            }
            for (double c : counts) {
                if (!(c >= 0) || Double.isInfinite(c)) {
                    throw new IllegalArgumentException("PC4 " + pc4 + " has a negative or invalid count");
                }
            }
            copy.put(pc4, counts.clone());
        });
        this.countsByPc4 = Collections.unmodifiableMap(copy);
    }

    public AudienceFigures.ModelRef ref() {
        return ref;
    }

    public List<SegmentDefinition> segments() {
        return segments;
    }

    public Set<String> pc4s() {
        return countsByPc4.keySet();
    }

    public boolean covers(String pc4) {
        return pc4 != null && countsByPc4.containsKey(pc4);
    }

    /** People (or households) per segment in this PC4, a copy; zeros when the model has no such PC4. */
    public double[] counts(String pc4) {
        double[] counts = countsByPc4.get(pc4);
        return counts == null ? new double[segments.size()] : counts.clone();
    }

    /** Total people (or households) of the PC4 in the model. */
    public double population(String pc4) {
        double[] counts = countsByPc4.get(pc4);
        return counts == null ? 0 : Arrays.stream(counts).sum();
    }

    /** Share of each segment in the PC4 (sums to 1; all zero when the PC4 has no population). */
    public double[] shares(String pc4) {
        double[] counts = counts(pc4);
        double total = Arrays.stream(counts).sum();
        if (total > 0) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] /= total;
            }
        }
        return counts;
    }
}
