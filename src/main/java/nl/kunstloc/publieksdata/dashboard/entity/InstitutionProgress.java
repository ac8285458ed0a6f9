package nl.kunstloc.publieksdata.dashboard.entity;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where one institution stands in the pilot: the steps it has reached.
 *
 * @param type             institution type (enum name)
 * @param municipalityCode {@code GMxxxx}, or null when not known yet
 * @param status           institution status (enum name)
 */
public record InstitutionProgress(long id, String name, String type, String municipalityCode, String status,
                                  Set<FunnelStage> reached) implements java.io.Serializable {

    public InstitutionProgress {
        Objects.requireNonNull(name, "name");
        reached = reached.isEmpty() ? EnumSet.noneOf(FunnelStage.class) : EnumSet.copyOf(reached);
    }

    public boolean reached(FunnelStage stage) {
        return reached.contains(stage);
    }

    /** The furthest step reached, or null. */
    public FunnelStage furthest() {
        FunnelStage last = null;
        for (FunnelStage s : reached) {
            last = s;
        }
        return last;
    }
}
