package nl.kunstloc.publieksdata.report.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Venue;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.entity.Municipality;
import nl.kunstloc.publieksdata.segmentation.control.AudienceFigureCalculator;
import nl.kunstloc.publieksdata.segmentation.control.DeliveryRowsReader;
import nl.kunstloc.publieksdata.segmentation.control.DefaultModel;
import nl.kunstloc.publieksdata.segmentation.control.Pc4Centroids;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.VenueRef;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;

/**
 * The one place where the report asks segmentation for its figures: streams the institution's accepted
 * rows of these deliveries from {@code delivery_row} ({@link DeliveryRowsReader}: plain JDBC, nothing held in
 * memory but the aggregates; the path SegmentationBenchmark measures) through {@link AudienceFigureCalculator} with the current stored version of the open
 * default model (or, before segmentation has stored it, the same model built from the CBS files).
 */
@ApplicationScoped
public class ReportComputation {

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    PostcodeDirectory directory;

    @Inject
    Institutions institutions;

    @Inject
    Clock clock;

    private volatile ModelData model;
    private volatile Pc4Centroids centroids;

    public AudienceFigures compute(Long institutionId, List<Long> deliveryIds) {
        AudienceFigureCalculator calculator = new AudienceFigureCalculator(model(), directory, centroids(), venues(institutionId));
        AudienceFigureCalculator.Accumulation acc = calculator.start(institutionId, deliveryIds);
        try (Connection c = dataSource.getConnection()) {
            DeliveryRowsReader.read(c, institutionId, deliveryIds, acc);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the rows of institution " + institutionId, e);
        }
        return acc.finish(clock.instant());
    }

    private List<VenueRef> venues(Long institutionId) {
        List<VenueRef> venues = new ArrayList<>();
        for (Venue v : institutions.venues(institutionId)) {
            String municipality = v.getMunicipalityCode() != null ? v.getMunicipalityCode()
                    : directory.municipalityOfPc4(v.getPc4()).map(Municipality::code).orElse(null);
            String name = municipality == null ? null : directory.municipality(municipality).map(Municipality::name).orElse(null);
            var point = v.getPc4() == null ? java.util.Optional.<Pc4Centroids.Point>empty() : centroids().of(v.getPc4());
            venues.add(new VenueRef(v.getName(), v.getPc4(), municipality, name,
                    point.map(Pc4Centroids.Point::latitude).orElse(null), point.map(Pc4Centroids.Point::longitude).orElse(null)));
        }
        return venues;
    }

    /**
     * The model version new reports use (the one chosen on the models page, else the current version of the
     * default model, which segmentation stores at start-up), else the default model built from the CBS files.
     */
    private ModelData model() {
        try (Connection c = dataSource.getConnection()) {
            var stored = nl.kunstloc.publieksdata.segmentation.control.ModelStore.forNewReports(c)
                    .flatMap(id -> {
                        try {
                            return nl.kunstloc.publieksdata.segmentation.control.ModelStore.load(c, id);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            if (stored.isPresent()) {
                return stored.get();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the current segment model", e);
        }
        if (model == null) {
            model = DefaultModel.build(directory, 0);
        }
        return model;
    }

    private Pc4Centroids centroids() {
        if (centroids == null) {
            centroids = Pc4Centroids.load();
        }
        return centroids;
    }
}
