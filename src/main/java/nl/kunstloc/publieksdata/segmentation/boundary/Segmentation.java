package nl.kunstloc.publieksdata.segmentation.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Venue;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.control.AudienceFigureCalculator;
import nl.kunstloc.publieksdata.segmentation.control.DefaultModel;
import nl.kunstloc.publieksdata.segmentation.control.DeliveryRowsReader;
import nl.kunstloc.publieksdata.segmentation.control.ModelStore;
import nl.kunstloc.publieksdata.segmentation.control.Pc4Centroids;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.VenueRef;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;

/**
 * What the report feature calls: compute an institution's {@link AudienceFigures} from its
 * validated rows of the given deliveries with a stored model version. Runs in the caller's
 * transaction (the report's async job). Model versions are immutable, so they are cached by id.
 */
@ApplicationScoped
public class Segmentation {

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;
    @Inject
    PostcodeDirectory directory;
    @Inject
    Institutions institutions;

    private final ConcurrentMap<Long, ModelData> models = new ConcurrentHashMap<>();
    private volatile Pc4Centroids centroids;

    /** The model version new reports use: the newest active version of the default model unless told otherwise. */
    public Optional<Long> currentModel(String code) {
        try (Connection c = dataSource.getConnection()) {
            return ModelStore.current(c, code == null ? DefaultModel.CODE : code);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the segment models", e);
        }
    }

    public AudienceFigures compute(long institutionId, List<Long> deliveryIds, long modelId) {
        try (Connection c = dataSource.getConnection()) {
            ModelData model = model(c, modelId);
            AudienceFigureCalculator calculator = new AudienceFigureCalculator(model, directory, centroids(), venues(institutionId));
            AudienceFigureCalculator.Accumulation accumulation = calculator.start(institutionId, deliveryIds);
            DeliveryRowsReader.read(c, institutionId, deliveryIds, accumulation);
            return accumulation.finish(Instant.now(Clock.systemUTC()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rows of institution " + institutionId, e);
        }
    }

    private ModelData model(Connection c, long id) throws SQLException {
        ModelData cached = models.get(id);
        if (cached == null) {
            cached = ModelStore.load(c, id).orElseThrow(() -> new IllegalArgumentException("no segment model " + id));
            models.putIfAbsent(id, cached);
        }
        return cached;
    }

    private Pc4Centroids centroids() {
        Pc4Centroids loaded = centroids;
        if (loaded == null) {
            loaded = Pc4Centroids.load();
            centroids = loaded;
        }
        return loaded;
    }

    List<VenueRef> venues(long institutionId) {
        return institutions.venues(institutionId).stream().map(this::venue).toList();
    }

    private VenueRef venue(Venue v) {
        Optional<Pc4Centroids.Point> centre = centroids().of(v.getPc4());
        String municipalityName = directory.municipality(v.getMunicipalityCode()).map(m -> m.name()).orElse(null);
        return new VenueRef(v.getName(), v.getPc4(), v.getMunicipalityCode(), municipalityName,
                centre.map(Pc4Centroids.Point::latitude).orElse(null), centre.map(Pc4Centroids.Point::longitude).orElse(null));
    }
}
