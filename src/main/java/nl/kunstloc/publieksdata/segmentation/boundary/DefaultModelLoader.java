package nl.kunstloc.publieksdata.segmentation.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.control.DefaultModel;
import nl.kunstloc.publieksdata.segmentation.control.ModelStore;

/**
 * Stores the open default model at start-up when no version of it is in the database yet (a new
 * database, or a portal upgraded to this version). Its own transaction (container-managed,
 * REQUIRED on {@code @PostConstruct} of a singleton): on two nodes starting at once the unique
 * (code, version) constraint lets only one of them insert.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DefaultModelLoader {

    private static final Logger LOG = Logger.getLogger(DefaultModelLoader.class.getName());

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;
    @Inject
    PostcodeDirectory directory;

    @PostConstruct
    void loadWhenAbsent() {
        try (Connection c = dataSource.getConnection()) {
            if (ModelStore.current(c, DefaultModel.CODE).isPresent()
                    || ModelStore.list(c).stream().anyMatch(m -> m.code().equals(DefaultModel.CODE))) {
                return;
            }
            var stored = ModelStore.save(c, DefaultModel.build(directory, 0), "system", Instant.now());
            LOG.info(() -> "default segment model stored as id " + stored.ref().id() + " (" + stored.pc4s().size() + " PC4s)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the default segment model", e);
        }
    }
}
