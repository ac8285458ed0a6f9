package nl.kunstloc.publieksdata.dashboard.control;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.kunstloc.publieksdata.dashboard.entity.FunnelStage;
import nl.kunstloc.publieksdata.dashboard.entity.InstitutionProgress;

/** Counting the funnel: per step, the institutions (of a type, in a municipality) that reached it. */
public final class FunnelCounts {

    private FunnelCounts() {
    }

    /** Null type or municipality: all. */
    public static List<InstitutionProgress> filter(List<InstitutionProgress> all, String type, String municipalityCode) {
        return all.stream()
                .filter(p -> blank(type) || type.equals(p.type()))
                .filter(p -> blank(municipalityCode) || municipalityCode.equals(p.municipalityCode()))
                .toList();
    }

    public static Map<FunnelStage, Long> count(List<InstitutionProgress> institutions) {
        Map<FunnelStage, Long> counts = new EnumMap<>(FunnelStage.class);
        for (FunnelStage s : FunnelStage.values()) {
            counts.put(s, institutions.stream().filter(p -> p.reached(s)).count());
        }
        return counts;
    }

    /** The institutions behind one number of the funnel, by name. */
    public static List<InstitutionProgress> behind(List<InstitutionProgress> all, FunnelStage stage, String type,
                                                   String municipalityCode) {
        Objects.requireNonNull(stage, "stage");
        return filter(all, type, municipalityCode).stream().filter(p -> p.reached(stage))
                .sorted(java.util.Comparator.comparing(InstitutionProgress::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
