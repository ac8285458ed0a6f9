package nl.kunstloc.publieksdata.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.platform.startup.StartupFailure;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The portal's one datasource, and the schema migration that runs before anything else uses it.
 * <p>
 * Defaults are inline (Payara creates the datasource before microprofile-config.properties is
 * visible): an H2 file database under ./data, kept between runs. Production sets
 * PUBLIEKSDATA_DB_URL / _USER / _PASSWORD / _DRIVER_CLASS to PostgreSQL.
 */
@DataSourceDefinition(
        name = DatabaseMigration.DATASOURCE,
        className = "${MPCONFIG=publieksdata.db.driver-class:org.h2.jdbcx.JdbcDataSource}",
        url = "${MPCONFIG=publieksdata.db.url:jdbc:h2:file:./data/publieksdata;AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000}",
        user = "${MPCONFIG=publieksdata.db.user:sa}",
        password = "${MPCONFIG=publieksdata.db.password:sa}",
        minPoolSize = 2,
        maxPoolSize = 30,
        properties = {
                // faults (issue 15): a connection is checked with a round trip before it is handed out (JDBC 4
                // Connection.isValid, for PostgreSQL and H2 alike); "meta-data" never reached the server, so after a
                // database restart every pooled connection was handed out dead and failed the request it served
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                // one dead connection found: all pooled ones are closed (they died together with the server)
                "fish.payara.fail-all-connections=true",
                // a new connection that cannot be made is tried once more after 1 s: a blip (a failover) costs a
                // request a second, not an error page; a longer outage answers the 503 page within a few seconds
                // (DatabaseUnavailableFilter) instead of after every retry of every query of the page
                "fish.payara.connection-creation-retry-attempts=1",
                "fish.payara.connection-creation-retry-interval-in-seconds=1",
                // a request waits at most 15 s for a free connection (Payara's default is 60 s)
                "fish.payara.max-wait-time-in-millis=15000"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    public static final String DATASOURCE = "java:app/jdbc/publieksdata";
    /** What to do when the database cannot be reached at start-up (here and in DatabaseReachability). */
    static final String UNREACHABLE_FIX = "start it, or point the portal at it with PUBLIEKSDATA_DB_URL / _USER / _PASSWORD (see README)";
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    private String databaseProduct;

    @PostConstruct
    void migrate() {
        databaseProduct = detectProduct();
        org.flywaydb.core.api.output.MigrateResult result;
        try {
            result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendorFolder())
                    .baselineOnMigrate(false)
                    .load()
                    .migrate();
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw StartupFailure.stop("the database schema could not be migrated: " + firstLine(e.getMessage()),
                    "nothing was changed by the failed step; restore the last backup or fix the database (the table "
                            + "flyway_schema_history names the version), then start again", e);
        }
        LOG.info(() -> "Database " + databaseProduct + ": " + result.migrationsExecuted
                + " migration(s) applied, schema at version " + result.targetSchemaVersion);
    }

    /** "PostgreSQL" or "H2": the product the portal runs on, shown on the health page and in logs. */
    public String databaseProduct() {
        return databaseProduct;
    }

    public boolean isPostgres() {
        return "PostgreSQL".equalsIgnoreCase(databaseProduct);
    }

    private String vendorFolder() {
        return isPostgres() ? "postgresql" : "h2";
    }

    private String detectProduct() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException | RuntimeException e) {
            throw StartupFailure.stop("the database cannot be reached: " + DatabaseReachability.rootMessage(e), UNREACHABLE_FIX, e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
