package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The row store's COPY path on PostgreSQL (CI runs one at 127.0.0.1:5432; without it these tests are
 * skipped, and the H2 path is covered by {@link DeliveryRowStoreTest}), on the schema Flyway builds.
 */
class DeliveryRowStorePostgresTest {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static String database;

    final DeliveryReader reader = new DeliveryReader(DeliveryReaderTest.DIRECTORY);
    final Pseudonymiser pseudonymiser = Pseudonymiser.forInstitution(PseudonymiserTest.SECRET, "7");

    @BeforeAll
    static void database() throws SQLException {
        assumeTrue(postgresAnswers(), "no PostgreSQL at 127.0.0.1:5432");
        database = "publieksdata_rowstore_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        Flyway.configure().dataSource(SERVER + database, "postgres", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO institution (id, name, type, status, created_at, status_since) "
                    + "VALUES (7, 'Test', 'THEATRE', 'ACTIVE', now(), now())");
            for (int id = 1; id <= 3; id++) {
                s.execute("INSERT INTO delivery (id, institution_id, institution_name, delivery_version, file_name, file_format, "
                        + "file_bytes, uploaded_by, uploaded_at, status, status_since) VALUES (" + id + ", 7, 'Test', " + id
                        + ", 'x.csv', 'CSV', 1, 'test', now(), 'VALIDATING', now())");
            }
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        if (database != null) {
            try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                 Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    static boolean postgresAnswers() {
        try (Connection ignored = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + database, "postgres", "");
    }

    ValidationReport store(Connection connection, long deliveryId, String corpus) throws Exception {
        DeliveryRowStore store = new DeliveryRowStore(connection);
        assertThat(store.usesCopy()).isTrue();
        try (InputStream in = DeliveryReaderTest.corpus(corpus)) {
            return store.store(deliveryId, 7L, sink -> reader.read(in, corpus, Optional.empty(), Optional.empty(), pseudonymiser, sink),
                    RowSink.of(r -> { }, r -> { }), rows -> { });
        }
    }

    @Test
    void copiesEveryAcceptedRowAndARerunReplacesThemInsteadOfDuplicating() throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            ValidationReport first = store(c, 1, "ticketmatic_semicolon_cp1252_crlf.csv");
            c.commit();
            assertThat(first.accepted()).isPositive();
            assertThat(new DeliveryRowStore(c).count(1)).isEqualTo(first.accepted());

            store(c, 1, "ticketmatic_semicolon_cp1252_crlf.csv");
            c.commit();
            assertThat(new DeliveryRowStore(c).count(1)).isEqualTo(first.accepted());
        }
    }

    @Test
    void aReadThatFailsHalfwayStoresNothingAndKeepsTheEarlierRun() throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            ValidationReport earlier = store(c, 2, "ticketmatic_semicolon_cp1252_crlf.csv");
            c.commit();

            DeliveryRowStore store = new DeliveryRowStore(c);
            StringBuilder big = new StringBuilder("Ordernummer;Klantnummer;Besteldatum;Voorstelling;Aantal;Postcode\n");
            for (int i = 0; i < 20_000; i++) {
                big.append("O").append(i).append(";K").append(i).append(";01-02-2026;Concert;1;5611 AB\n");
            }
            byte[] bytes = big.toString().getBytes();
            int[] rows = {0};
            assertThatThrownBy(() -> store.store(2, 7L, sink -> reader.read(new java.io.ByteArrayInputStream(bytes), "big.csv",
                    Optional.empty(), Optional.empty(), pseudonymiser, RowSink.of(row -> {
                        if (++rows[0] == 15_000) {
                            throw new IllegalStateException("the server stops here");
                        }
                        sink.accept(row);
                    }, sink::reject)), RowSink.of(r -> { }, r -> { }), done -> { }))
                    .hasMessage("the server stops here");
            c.rollback();
            assertThat(store.count(2)).isEqualTo(earlier.accepted());
        }
    }

    @Test
    void twoDeliveriesStoredAtTheSameTimeBothComplete() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Long> first = () -> storeAndCount(1, "ticketmatic_semicolon_cp1252_crlf.csv");
            Callable<Long> second = () -> storeAndCount(3, "eventbrite_pipe.csv");
            List<Future<Long>> done = two.invokeAll(List.of(first, second));
            try (Connection c = connect()) {
                assertThat(new DeliveryRowStore(c).count(1)).isEqualTo(done.get(0).get()).isPositive();
                assertThat(new DeliveryRowStore(c).count(3)).isEqualTo(done.get(1).get()).isPositive();
            }
        } finally {
            two.shutdown();
        }
    }

    private long storeAndCount(long deliveryId, String corpus) throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            long accepted = store(c, deliveryId, corpus).accepted();
            c.commit();
            return accepted;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
