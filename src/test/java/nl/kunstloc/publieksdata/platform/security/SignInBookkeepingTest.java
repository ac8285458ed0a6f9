package nl.kunstloc.publieksdata.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sign-in's bookkeeping on the schema Flyway builds, on H2 (the demo database) and on PostgreSQL (when
 * one answers at 127.0.0.1:5432, as in CI), each sign-in in a transaction of its own on its own connection,
 * as UserAccounts.checkLogin runs them.
 */
class SignInBookkeepingTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final Duration LOCK = Duration.ofMinutes(5);
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    static final String H2 = "jdbc:h2:mem:signin-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    static String postgresDatabase;
    static boolean h2Migrated;

    @BeforeEach
    void account() throws SQLException {
        for (String db : databases()) {
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("DELETE FROM app_user");
                s.execute("INSERT INTO app_user (id, username, display_name, created_at, version) "
                        + "VALUES (1, 'carla@kunstloc.nl', 'Carla', CURRENT_TIMESTAMP, 7)");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void fiveSignInsOfOneAccountAtTheSameMomentAllSucceed(String db) throws Exception {
        List<Boolean> outcomes = concurrently(db, 5, b -> b.recordSuccess(1, NOW));
        assertThat(outcomes).containsOnly(true).hasSize(5);
        assertThat(column(db, "last_login_at")).isNotNull();
        assertThat(column(db, "version")).as("the account's version: bookkeeping is no edit").isEqualTo(7L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void wrongPasswordsAtTheSameMomentAreEachCountedAndTheFifthLocks(String db) throws Exception {
        List<Boolean> locked = concurrently(db, 8, b -> b.recordFailure(1, NOW));
        assertThat(locked).as("exactly one of the eight is the fifth in a row").containsOnlyOnce(true);
        assertThat(column(db, "failed_logins")).as("the three after the lock count again").isEqualTo(3L);
        assertThat(column(db, "locked_until")).isNotNull();
        assertThat(concurrently(db, 1, b -> b.recordSuccess(1, NOW.plus(LOCK).minusSeconds(1))))
                .as("the right password while locked").containsExactly(false);
        assertThat(concurrently(db, 1, b -> b.recordSuccess(1, NOW.plus(LOCK))))
                .as("the right password once the lock has passed").containsExactly(true);
        assertThat(column(db, "failed_logins")).isEqualTo(0L);
        assertThat(column(db, "locked_until")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void fourWrongPasswordsThenARightOneStartCountingAgain(String db) throws Exception {
        concurrently(db, 4, b -> b.recordFailure(1, NOW));
        assertThat(concurrently(db, 1, b -> b.recordSuccess(1, NOW))).containsExactly(true);
        assertThat(concurrently(db, 1, b -> b.recordFailure(1, NOW))).containsExactly(false);
        assertThat(column(db, "failed_logins")).isEqualTo(1L);
    }

    /** Runs the call n times at once, each in its own transaction on its own connection; answers each call's result. */
    private static List<Boolean> concurrently(String db, int n, Function<SignInBookkeeping, Boolean> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Boolean> task = () -> {
                    try (Connection c = connect(db)) {
                        c.setAutoCommit(false);
                        start.await();
                        boolean result = call.apply(new SignInBookkeeping(update(c), 5, LOCK));
                        c.commit();
                        return result;
                    }
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> f : results) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static SignInBookkeeping.Update update(Connection c) {
        return (sql, parameters) -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Object column(String db, String name) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + name + " FROM app_user WHERE id = 1")) {
            rs.next();
            Object value = rs.getObject(1);
            // integers as long whatever the driver's type, so that both databases compare alike
            return value instanceof Number number ? (Object) number.longValue() : value;
        }
    }

    private static List<String> databases() throws SQLException {
        List<String> dbs = new ArrayList<>(List.of("H2"));
        if (postgresAnswers()) {
            dbs.add("PostgreSQL");
        }
        return dbs;
    }

    private static Connection connect(String db) throws SQLException {
        if (db.equals("H2")) {
            if (!h2Migrated) {
                Flyway.configure().dataSource(H2, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                        .load().migrate();
                h2Migrated = true;
            }
            return DriverManager.getConnection(H2, "sa", "");
        }
        assumeTrue(postgresAnswers(), "no PostgreSQL at 127.0.0.1:5432");
        if (postgresDatabase == null) {
            postgresDatabase = "publieksdata_signin_" + System.currentTimeMillis();
            try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                 Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + postgresDatabase);
            }
            Flyway.configure().dataSource(POSTGRES + postgresDatabase, "postgres", "")
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        }
        return DriverManager.getConnection(POSTGRES + postgresDatabase, "postgres", "");
    }

    static boolean postgresAnswers() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        if (postgresDatabase != null) {
            try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                 Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
            }
        }
    }
}
