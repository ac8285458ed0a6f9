package nl.kunstloc.publieksdata.dashboard.entity;

/**
 * One segment in one area, over the published reports of the pilot's institutions. Every figure computed from
 * {@code reached} is null when {@code reached} is withheld.
 *
 * @param reached          people of the segment reached (disclosed or withheld with its reason)
 * @param population       inhabitants of the segment in the area
 * @param reachedShare     its share of all people reached, 0..1
 * @param populationShare  its share of the inhabitants, 0..1
 * @param index            reachedShare / populationShare × 100 (100 = as expected)
 * @param penetration      people reached per 1,000 inhabitants of the segment
 * @param expected         people it would reach at the area's average penetration
 * @param untapped         expected − reached (positive: under-reached)
 */
public record SegmentReach(String code, String nameNl, String nameEn, Disclosed reached, double population,
                           Double reachedShare, double populationShare, Double index, Double penetration, Double expected,
                           Double untapped) implements java.io.Serializable {

    public String name(String language) {
        return "en".equals(language) ? nameEn : nameNl;
    }
}
