package nl.kunstloc.publieksdata.segmentation.control;

import static org.assertj.core.api.Assertions.assertThat;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.VenueRef;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The binary COPY reading of PostgreSQL gives the figures the result-set reading gives, on the rows that are awkward
 * in bytes: NULLs in every nullable column, a blank-padded and a non-numeric PC4, texts outside ASCII (two
 * pseudonyms that differ only in an accent are two people), a refund, and more distinct event names than the text
 * cache holds.
 */
class BinaryCopyRowsTest {

    static String database;
    static String url;
    static AudienceFigureCalculator calculator;

    @BeforeAll
    static void database() throws Exception {
        database = "publieksdata_copyrows_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432 not usable: " + e.getMessage());
        }
        url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load().migrate();
        PostcodeDirectory directory = PostcodeDirectory.load();
        Pc4Centroids centroids = Pc4Centroids.load();
        Pc4Centroids.Point venue = centroids.of("5611").orElseThrow();
        calculator = new AudienceFigureCalculator(DefaultModel.build(directory, 1), directory, centroids,
                List.of(new VenueRef("Theater", "5611", "GM0772", "Eindhoven", venue.latitude(), venue.longitude())));
    }

    @AfterAll
    static void drop() throws SQLException {
        if (database != null) {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void copyAndResultSetGiveTheSameFigures() throws Exception {
        try (Connection pg = DriverManager.getConnection(url, "postgres", "")) {
            pg.setAutoCommit(false);
            try (Statement s = pg.createStatement()) {
                s.execute("INSERT INTO institution (id, name, type, status, created_at, status_since) VALUES (3, 'Theater', 'THEATRE', 'ACTIVE', now(), now())");
                s.execute("INSERT INTO delivery (id, institution_id, institution_name, delivery_version, file_name, file_format, "
                        + "file_bytes, uploaded_by, uploaded_at, status, status_since) VALUES (10, 3, 'Theater', 1, 'x.csv', 'CSV', 1, 't', now(), 'ACCEPTED', now())");
                String insert = "INSERT INTO delivery_row (delivery_id, institution_id, line_no, order_id, customer_pseudonym, order_date, "
                        + "event_id, event_name, event_date, genre, ticket_count, pc4, country, outlier) VALUES ";
                s.execute(insert + "(10, 3, 1, 'o1', 'klant-é', DATE '2025-03-01', 'E1', 'Café Chantant', DATE '2025-03-08', 'Cabaret', 2, '5611', 'NL', FALSE)");
                s.execute(insert + "(10, 3, 2, 'o2', 'klant-è', DATE '2025-03-02', 'E1', 'Café Chantant', DATE '2025-03-08', 'Cabaret', 1, '5612', 'NL', FALSE)");
                s.execute(insert + "(10, 3, 3, 'o3', 'klant-è', DATE '2025-04-02', NULL, 'Zonder nummer', NULL, NULL, 3, NULL, 'NL', FALSE)");
                s.execute(insert + "(10, 3, 4, 'o4', 'klant-a', DATE '2025-04-03', NULL, NULL, NULL, 'Dans', 1, '561', 'NL', FALSE)");
                s.execute(insert + "(10, 3, 5, 'o5', 'klant-b', DATE '2025-04-04', 'E2', NULL, DATE '2025-05-01', 'Dans', 4, 'AB12', 'NL', FALSE)");
                s.execute(insert + "(10, 3, 6, 'o6', 'klant-b', DATE '2025-04-05', 'E2', NULL, DATE '2025-05-01', 'Dans', -4, '5611', 'NL', FALSE)");
                // more distinct event names than the cache keeps: the rest are made anew, and still count
                s.execute(insert.replace(" VALUES ", " ") + "SELECT 10, 3, 10 + g, 'v' || g, 'klant-' || (g % 500), DATE '2025-06-01', "
                        + "'N' || g, 'Voorstelling ' || g, DATE '2025-06-02', 'Muziek', 1, '5611', 'NL', FALSE "
                        + "FROM generate_series(1, " + (BinaryCopyRows.TextCache.MAX + 100) + ") g");
            }
            AudienceFigureCalculator.Accumulation byCopy = calculator.start(3, List.of(10L));
            long copied = DeliveryRowsReader.read(pg, 3, List.of(10L), byCopy);
            AudienceFigureCalculator.Accumulation byQuery = calculator.start(3, List.of(10L));
            long queried = DeliveryRowsReader.readByQuery(pg, 3, List.of(10L), byQuery);
            pg.rollback();

            assertThat(copied).isEqualTo(queried).isEqualTo(6 + BinaryCopyRows.TextCache.MAX + 100);
            AudienceFigures copy = byCopy.finish(Instant.EPOCH);
            assertThat(AudienceFiguresJson.toJson(copy)).isEqualTo(AudienceFiguresJson.toJson(byQuery.finish(Instant.EPOCH)));
            // the refund is not a sale: 5 rows with tickets of the first 6; é and è are two people, a, b and the 500 more
            assertThat(copy.basis().rowsAccepted()).isEqualTo(5 + BinaryCopyRows.TextCache.MAX + 100);
            assertThat(copy.basis().people()).isEqualTo(4 + 500);
            assertThat(copy.basis().tickets()).isEqualTo(2 + 1 + 3 + 1 + 4 + BinaryCopyRows.TextCache.MAX + 100);
            // placed: row 1 (5611), row 2 (5612) and the generated rows (5611); not NULL, '561' or 'AB12'
            assertThat(copy.basis().rowsPlaced()).isEqualTo(2 + BinaryCopyRows.TextCache.MAX + 100);
            assertThat(copy.basis().lastEvent()).isEqualTo(LocalDate.of(2025, 6, 2));
        }
    }

    @Test
    void theTextCacheGivesBackEveryTextAlsoWhenFull() {
        BinaryCopyRows.TextCache cache = new BinaryCopyRows.TextCache();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < BinaryCopyRows.TextCache.MAX + 50; i++) {
                byte[] bytes = ("xx" + i + "ë").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(cache.text(bytes, 2, bytes.length - 2)).isEqualTo(i + "ë");
            }
        }
    }
}
