package nl.kunstloc.publieksdata.dashboard.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import nl.kunstloc.publieksdata.dashboard.entity.AreaReach;
import nl.kunstloc.publieksdata.dashboard.entity.AreaTrend;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.report.control.Reports;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import nl.kunstloc.publieksdata.segmentation.control.DefaultModel;
import nl.kunstloc.publieksdata.segmentation.control.ModelStore;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;
import nl.kunstloc.publieksdata.segmentation.entity.SegmentDefinition;

/**
 * The figures of the published reports (status PUBLISHED: one current version per institution), as the
 * dashboards need them: per report the people per segment in each municipality, and its segment profile. A
 * report's figures never change once stored, so each is read once and kept by report id; the segment model's
 * population per municipality likewise by model version. Only reports computed with the default model's code
 * count (segments of other models do not add up).
 */
@ApplicationScoped
public class PublishedFigures {

    @Inject
    Reports reports;

    @Inject
    Institutions institutions;

    @Inject
    PostcodeDirectory directory;

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    private final ConcurrentMap<Long, Slice> slices = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Population> populations = new ConcurrentHashMap<>();

    /**
     * One published report, reduced to what the dashboards aggregate.
     *
     * @param byMunicipality people per segment code, per municipality code
     * @param segments       people per segment code (all placed people)
     * @param peoplePlaced   the base of the profile's shares
     */
    public record Slice(long reportId, long institutionId, int reportVersion, LocalDate lastOrder, String institutionType,
                        String modelCode, Map<String, Map<String, Double>> byMunicipality, Map<String, Double> segments,
                        long peoplePlaced, Map<String, Long> byPc4) implements ReportSeasons.Version {
    }

    /** The model's segments and inhabitants per segment, per municipality and for the province. */
    public record Population(List<SegmentDefinition> segments, Map<String, double[]> byMunicipality, double[] province,
                             Map<String, List<String>> pc4sOfMunicipality, Map<String, Double> pc4Population) {
    }

    /** The published reports of the default model. */
    public List<Slice> published() {
        return slices(reports.published());
    }

    /** Every version of the default model that was ever published (also those a newer published one replaced). */
    public List<Slice> everPublished() {
        return slices(reports.everPublished());
    }

    private List<Slice> slices(List<AudienceReport> versions) {
        List<Slice> result = new ArrayList<>();
        for (AudienceReport r : versions) {
            if (!r.isComputed()) {
                continue;
            }
            Slice slice = slices.computeIfAbsent(r.getId(), id -> slice(r));
            if (DefaultModel.CODE.equals(slice.modelCode())) {
                result.add(slice);
            }
        }
        return result;
    }

    private Slice slice(AudienceReport r) {
        AudienceFigures f = reports.figures(r);
        Map<String, Map<String, Double>> byMunicipality = new HashMap<>();
        for (AudienceFigures.AreaFigure m : f.municipalities()) {
            byMunicipality.put(m.code(), Map.copyOf(m.segmentPeople()));
        }
        Map<String, Double> segments = new HashMap<>();
        f.segments().forEach(s -> segments.put(s.code(), s.people()));
        String type = institutions.find(r.getInstitutionId()).map(i -> i.getType() == null ? null : i.getType().name())
                .orElse(null);
        Map<String, Long> byPc4 = new HashMap<>();
        f.postcodes().forEach(a -> byPc4.put(a.code(), a.people()));
        return new Slice(r.getId(), r.getInstitutionId(), r.getReportVersion(), f.basis().lastOrder(), type, f.model().code(), Map.copyOf(byMunicipality),
                Map.copyOf(segments), f.basis().peoplePlaced(), Map.copyOf(byPc4));
    }

    /** The current version of the default model, with its inhabitants per municipality. */
    public Optional<Population> population() {
        try (Connection c = dataSource.getConnection()) {
            Optional<Long> id = ModelStore.current(c, DefaultModel.CODE);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            Population cached = populations.get(id.get());
            if (cached == null) {
                ModelData model = ModelStore.load(c, id.get()).orElseThrow();
                cached = population(model);
                populations.put(id.get(), cached);
            }
            return Optional.of(cached);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the segment model", e);
        }
    }

    private Population population(ModelData model) {
        int n = model.segments().size();
        Map<String, double[]> byMunicipality = new HashMap<>();
        Map<String, List<String>> pc4s = new HashMap<>();
        Map<String, Double> pc4Population = new HashMap<>();
        double[] province = new double[n];
        for (String pc4 : model.pc4s().stream().sorted().toList()) {
            double[] counts = model.counts(pc4);
            pc4Population.put(pc4, model.population(pc4));
            directory.municipalityOfPc4(pc4).ifPresent(m -> pc4s.computeIfAbsent(m.code(), k -> new ArrayList<>()).add(pc4));
            for (int s = 0; s < n; s++) {
                province[s] += counts[s];
            }
            directory.municipalityOfPc4(pc4).ifPresent(m -> {
                double[] sum = byMunicipality.computeIfAbsent(m.code(), k -> new double[n]);
                for (int s = 0; s < n; s++) {
                    sum[s] += counts[s];
                }
            });
        }
        pc4s.replaceAll((k, v) -> List.copyOf(v));
        return new Population(model.segments(), byMunicipality, province, Map.copyOf(pc4s), Map.copyOf(pc4Population));
    }

    /** What the published reports reach in a municipality ({@code GMxxxx}) or the province ({@link UserAccount#PROVINCE}). */
    public Optional<AreaReach> area(String area, String name) {
        return population().flatMap(p -> area(p, area, name, published(), true));
    }

    /**
     * The area season by season ({@link ReportSeasons}, {@link SeasonTrend}): per season where the published reports
     * stood at its end, each season under the disclosure rule and no season shown where its difference from a later
     * one (or from the current figures) would give one institution away. Empty when the area is unknown or nothing
     * is published.
     */
    public Optional<AreaTrend> trend(String area, String name) {
        Optional<Population> population = population();
        if (population.isEmpty()) {
            return Optional.empty();
        }
        Population p = population.get();
        double[] inhabitants = UserAccount.PROVINCE.equals(area) ? p.province() : p.byMunicipality().get(area);
        if (inhabitants == null) {
            return Optional.empty();
        }
        List<String> labels = new ArrayList<>();
        List<Map<Long, double[]>> seasons = new ArrayList<>();
        for (Map.Entry<ReportSeasons.Season, List<Slice>> season : ReportSeasons.bySeason(everPublished()).entrySet()) {
            labels.add(season.getKey().label());
            seasons.add(people(p, area, season.getValue()));
        }
        if (seasons.isEmpty()) {
            return Optional.empty();
        }
        List<Slice> published = published();
        AreaReach current = area(p, area, name, published, false).orElseThrow();
        List<AreaReach> reaches = SeasonTrend.compute(area, name, p.segments(), inhabitants, seasons, people(p, area, published),
                current);
        List<AreaTrend.SeasonReach> result = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            result.add(new AreaTrend.SeasonReach(labels.get(i), seasons.get(i).size(), reaches.get(i)));
        }
        return Optional.of(new AreaTrend(area, result));
    }

    /** People per segment (model order) per institution with people in the area. */
    private static Map<Long, double[]> people(Population p, String area, List<Slice> slices) {
        Map<Long, double[]> result = new java.util.LinkedHashMap<>();
        for (Slice slice : slices) {
            Map<String, Double> people = UserAccount.PROVINCE.equals(area) ? slice.segments() : slice.byMunicipality().get(area);
            if (people == null) {
                continue;
            }
            double[] bySegment = new double[p.segments().size()];
            for (int s = 0; s < bySegment.length; s++) {
                bySegment[s] = people.getOrDefault(p.segments().get(s).code(), 0.0);
            }
            result.put(slice.institutionId(), bySegment);
        }
        return result;
    }

    private Optional<AreaReach> area(Population p, String area, String name, List<Slice> slices, boolean withPc4s) {
        boolean province = UserAccount.PROVINCE.equals(area);
        double[] inhabitants = province ? p.province() : p.byMunicipality().get(area);
        if (inhabitants == null) {
            return Optional.empty();
        }
        List<AreaAggregate.Contribution> contributions = new ArrayList<>();
        List<String> pc4s = province || !withPc4s ? List.of() : p.pc4sOfMunicipality().getOrDefault(area, List.of());
        List<double[]> pc4People = new ArrayList<>();
        for (Slice slice : slices) {
            if (!pc4s.isEmpty()) {
                double[] byPc4 = new double[pc4s.size()];
                for (int i = 0; i < byPc4.length; i++) {
                    byPc4[i] = slice.byPc4().getOrDefault(pc4s.get(i), 0L);
                }
                pc4People.add(byPc4);
            }
        }
        people(p, area, slices).values().forEach(bySegment -> contributions.add(new AreaAggregate.Contribution(bySegment)));
        AreaReach reach = AreaAggregate.compute(area, name, p.segments(), inhabitants, contributions);
        if (!pc4s.isEmpty()) {
            reach = reach.withPc4s(AreaAggregate.pc4s(pc4s, pc4s.stream().mapToDouble(c -> p.pc4Population().getOrDefault(c, 0.0))
                    .toArray(), pc4People));
        }
        return Optional.of(reach);
    }
}
