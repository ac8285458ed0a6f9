package nl.kunstloc.publieksdata.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import nl.kunstloc.publieksdata.platform.startup.StartupFailure;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * A start with the database unreachable says so and ends (issue 15). Payara's JPA deployer opens an entity
 * manager while it deploys the WAR, before any start-up bean of the portal runs: EclipseLink connects then,
 * fails, the deployment fails, and Payara Micro goes on without the application ("ready", 404 on every page).
 * EclipseLink calls this customizer just before it connects (persistence.xml,
 * {@code eclipselink.session.customizer}): it tries the datasource itself and, when no connection can be made
 * for {@code publieksdata.db.start-wait-seconds} (10), stops the start with one line naming the cause and the
 * fix ({@link StartupFailure}, exit status 3). It also sets EclipseLink's query retries (see {@link #QUERY_RETRIES}).
 */
public class DatabaseReachability implements SessionCustomizer {

    /** EclipseLink's retries of a read whose connection broke: once, after 1 s (its defaults, 3 times 5 s apart, made
     * a page wait half a minute for its error while the database was away; the pool checks connections anyway). */
    static final int QUERY_RETRIES = 1;
    static final int RETRY_DELAY_MILLIS = 1000;

    @Override
    public void customize(Session session) throws Exception {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(QUERY_RETRIES);
            login.setDelayBetweenConnectionAttempts(RETRY_DELAY_MILLIS);
        }
        DataSource dataSource = dataSource(session);
        if (dataSource == null) {
            return; // not the portal's JNDI datasource: nothing to check here
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(startWaitSeconds());
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                connection.isValid(5);
                return;
            } catch (SQLException | RuntimeException e) {
                if (System.nanoTime() >= deadline) {
                    throw StartupFailure.stop("the database cannot be reached: " + rootMessage(e), DatabaseMigration.UNREACHABLE_FIX, e);
                }
                java.util.logging.Logger.getLogger(DatabaseReachability.class.getName())
                        .warning(() -> "the database cannot be reached yet, trying again: " + rootMessage(e));
                Thread.sleep(1000);
            }
        }
    }

    /** How long a start waits for the database (a container started beside it): publieksdata.db.start-wait-seconds, 10. */
    private static long startWaitSeconds() {
        try {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("publieksdata.db.start-wait-seconds", Long.class).orElse(10L);
        } catch (RuntimeException e) {
            return 10;
        }
    }

    private static DataSource dataSource(Session session) throws javax.naming.NamingException {
        if (!(session.getDatasourceLogin() instanceof DatasourceLogin login)) {
            return null;
        }
        Connector connector = login.getConnector();
        if (!(connector instanceof JNDIConnector jndi)) {
            return null;
        }
        if (jndi.getDataSource() != null) {
            return jndi.getDataSource();
        }
        return jndi.getName() == null ? null : (DataSource) new InitialContext().lookup(jndi.getName());
    }

    /** The innermost message: the driver's own words ("Connection to 127.0.0.1:5432 refused ..."), not the pool's wrapping. */
    static String rootMessage(Throwable e) {
        Throwable cause = e;
        Throwable driver = null; // the innermost SQLException: the driver's words, with host and port
        while (true) {
            if (cause instanceof SQLException) {
                driver = cause;
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        Throwable named = driver != null && driver.getMessage() != null ? driver : cause;
        String message = named.getMessage() == null ? named.getClass().getSimpleName() : named.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
