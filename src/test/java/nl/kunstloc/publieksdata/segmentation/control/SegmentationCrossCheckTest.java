package nl.kunstloc.publieksdata.segmentation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.bench.AudienceRowGenerator;
import nl.kunstloc.publieksdata.segmentation.bench.DuckDbAudience;
import nl.kunstloc.publieksdata.segmentation.bench.AudienceRowGenerator.Row;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.AreaFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.GroupFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.VenueRef;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures of a generated 100,000-row delivery of an Eindhoven theatre, computed by the portal
 * (rows stored in {@code delivery_row} on H2 and on PostgreSQL, read by {@link DeliveryRowsReader}, computed by
 * {@link AudienceFigureCalculator}), against the same figures computed independently by DuckDB with
 * SQL written here from the rules in docs/segmentation.md (distances too: haversine in SQL).
 */
class SegmentationCrossCheckTest {

    static AudienceFigures figures;
    static Connection duck;
    static ModelData model;
    /** The same rows stored in and read from PostgreSQL (null when it is not running here, see postgresUnavailable). */
    static AudienceFigures postgresFigures;
    static String postgresUnavailable;

    /** Stores the rows as deliveries 10 and 11 of institution 3, then computes their figures as the portal does. */
    static AudienceFigures storeAndCompute(Connection c, List<Row> rows, AudienceFigureCalculator calculator) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO institution (id, name, type, status, created_at, status_since) VALUES (3, 'Theater', 'THEATRE', 'ACTIVE', now(), now())");
            for (long d : new long[] {10, 11}) {
                s.execute("INSERT INTO delivery (id, institution_id, institution_name, delivery_version, file_name, file_format, "
                        + "file_bytes, uploaded_by, uploaded_at, status, status_since) VALUES (" + d + ", 3, 'Theater', 1, 'x.csv', 'CSV', 1, 't', now(), 'ACCEPTED', now())");
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery_row (delivery_id, institution_id, line_no, order_id, "
                + "customer_pseudonym, order_date, event_id, event_name, event_date, genre, ticket_count, pc4, country, outlier) "
                + "VALUES (?, 3, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NL', FALSE)")) {
            long line = 0;
            for (Row r : rows) {
                s.setLong(1, r.deliveryId());
                s.setLong(2, ++line);
                s.setString(3, r.orderId());
                s.setString(4, r.customer());
                s.setObject(5, LocalDate.ofEpochDay(r.orderDay()));
                s.setString(6, r.eventId());
                s.setString(7, r.eventName());
                s.setObject(8, LocalDate.ofEpochDay(r.eventDay()));
                s.setString(9, r.genre());
                s.setInt(10, r.tickets());
                s.setString(11, r.pc4());
                s.addBatch();
            }
            s.executeBatch();
        }
        AudienceFigureCalculator.Accumulation a = calculator.start(3, List.of(10L, 11L));
        assertThat(DeliveryRowsReader.read(c, 3, List.of(10L, 11L), a)).isEqualTo(rows.size());
        return a.finish(Instant.EPOCH);
    }

    @BeforeAll
    static void compute() throws Exception {
        PostcodeDirectory directory = PostcodeDirectory.load();
        Pc4Centroids centroids = Pc4Centroids.load();
        model = DefaultModel.build(directory, 1);
        List<Row> rows = new AudienceRowGenerator(7, directory, centroids).rows(100_000, 10);
        Pc4Centroids.Point venue = centroids.of(AudienceRowGenerator.VENUE_PC4).orElseThrow();

        String url = "jdbc:h2:mem:segmentation-crosscheck;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        AudienceFigureCalculator calculator = new AudienceFigureCalculator(model, directory, centroids,
                List.of(new VenueRef("Theater", "5611", "GM0772", "Eindhoven", venue.latitude(), venue.longitude())));
        try (Connection h2 = DriverManager.getConnection(url, "sa", "")) {
            figures = storeAndCompute(h2, rows, calculator);
        }
        // PostgreSQL, as the portal runs: its own SQL dialect for dates, its own types
        String database = "publieksdata_crosscheck_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            try {
                String pgUrl = "jdbc:postgresql://127.0.0.1:5432/" + database;
                Flyway.configure().dataSource(pgUrl, "postgres", "")
                        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
                try (Connection pg = DriverManager.getConnection(pgUrl, "postgres", "")) {
                    pg.setAutoCommit(false);
                    postgresFigures = storeAndCompute(pg, rows, calculator);
                    pg.commit();
                }
            } finally {
                try (Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database);
                }
            }
        } catch (SQLException e) {
            postgresUnavailable = e.getMessage();
        }

        duck = DriverManager.getConnection("jdbc:duckdb:");
        DuckDbAudience.load(duck, rows, model, centroids, directory);
        try (Statement s = duck.createStatement()) {
            // the rules of docs/segmentation.md, in SQL
            s.execute("CREATE TABLE home AS SELECT customer, arg_max(pc4, order_day * 10000 + CAST(pc4 AS INTEGER)) AS pc4 "
                    + "FROM r WHERE pc4 IS NOT NULL GROUP BY customer");
            s.execute("CREATE TABLE placed AS SELECT h.customer, h.pc4 FROM home h JOIN pop USING (pc4)");
            s.execute("CREATE TABLE dist AS SELECT pc4, 2 * 6371.0088 * asin(sqrt(pow(sin(radians(lat - " + venue.latitude()
                    + ") / 2), 2) + cos(radians(" + venue.latitude() + ")) * cos(radians(lat)) * pow(sin(radians(lon - "
                    + venue.longitude() + ") / 2), 2))) AS km FROM area WHERE lat IS NOT NULL");
        }
    }

    static long one(String sql) throws SQLException {
        try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static double oneDouble(String sql) throws SQLException {
        try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getDouble(1);
        }
    }

    static Map<String, Double> map(String sql) throws SQLException {
        Map<String, Double> result = new HashMap<>();
        try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                result.put(r.getString(1), r.getDouble(2));
            }
        }
        return result;
    }

    @Test
    void postgresqlGivesTheSameFiguresAsH2() {
        org.junit.jupiter.api.Assumptions.assumeTrue(postgresFigures != null,
                () -> "PostgreSQL at 127.0.0.1:5432 not usable: " + postgresUnavailable);
        // the databases return the rows in another order, so fractional sums may differ in their last digits
        assertThat(rounded(AudienceFiguresJson.toJson(postgresFigures))).isEqualTo(rounded(AudienceFiguresJson.toJson(figures)));
    }

    /** The figures' JSON with every fractional number to 9 significant digits. */
    static String rounded(String json) {
        return java.util.regex.Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?").matcher(json).replaceAll(m ->
                new java.math.BigDecimal(m.group()).round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString());
    }

    @Test
    void theDeliveryLooksLikeATheatreAudience() {
        // most customers live near the venue: half within 10 km, a tail beyond 30 km
        assertThat(figures.catchment().level(50).orElseThrow().radiusKm()).isLessThan(10);
        assertThat(figures.catchment().level(90).orElseThrow().radiusKm()).isGreaterThan(15);
        assertThat(figures.basis().matchRate()).isBetween(0.9, 0.97);
    }

    @Test
    void basisMatchesSql() throws SQLException {
        assertThat(figures.basis().rowsAccepted()).isEqualTo(one("SELECT COUNT(*) FROM r"));
        assertThat(figures.basis().rowsPlaced()).isEqualTo(one("SELECT COUNT(*) FROM r JOIN pop USING (pc4)"));
        assertThat(figures.basis().tickets()).isEqualTo(one("SELECT SUM(tickets) FROM r"));
        assertThat(figures.basis().ticketsPlaced()).isEqualTo(one("SELECT SUM(tickets) FROM r JOIN pop USING (pc4)"));
        assertThat(figures.basis().people()).isEqualTo(one("SELECT COUNT(DISTINCT customer) FROM r"));
        assertThat(figures.basis().peoplePlaced()).isEqualTo(one("SELECT COUNT(*) FROM placed"));
    }

    @Test
    void postcodesMunicipalitiesAndSegmentsMatchSql() throws SQLException {
        Map<String, Double> people = map("SELECT pc4, COUNT(*) FROM placed GROUP BY pc4");
        Map<String, Double> tickets = map("SELECT pc4, SUM(tickets) FROM r JOIN pop USING (pc4) GROUP BY pc4");
        for (AreaFigure a : figures.postcodes()) {
            assertThat((double) a.people()).as(a.code()).isEqualTo(people.getOrDefault(a.code(), 0.0));
            assertThat((double) a.tickets()).as(a.code()).isEqualTo(tickets.get(a.code()));
        }
        assertThat(figures.postcodes()).hasSize(tickets.size());

        Map<String, Double> perMunicipality = map("SELECT municipality, COUNT(*) FROM placed JOIN area USING (pc4) GROUP BY municipality");
        for (AreaFigure m : figures.municipalities()) {
            assertThat((double) m.people()).as(m.code()).isEqualTo(perMunicipality.getOrDefault(m.code(), 0.0));
        }

        Map<String, Double> segments = map("SELECT seg, SUM(m.people / pop.total) FROM placed JOIN m USING (pc4) JOIN pop USING (pc4) GROUP BY seg");
        Map<String, Double> province = map("SELECT seg, SUM(people) FROM m GROUP BY seg");
        for (var s : figures.segments()) {
            assertThat(s.people()).as(s.code()).isCloseTo(segments.get(s.code()), within(1e-6));
            assertThat(s.populationProvince()).as(s.code()).isCloseTo(province.get(s.code()), within(1e-6));
        }
    }

    @Test
    void eventsAndFrequencyMatchSql() throws SQLException {
        Map<String, Double> perEvent = map("SELECT event_id, COUNT(DISTINCT customer) FROM r GROUP BY event_id HAVING COUNT(DISTINCT customer) >= 10");
        List<GroupFigure> shown = figures.events().stream().filter(e -> !e.other()).toList();
        assertThat(shown).hasSize(perEvent.size());
        for (GroupFigure e : shown) {
            assertThat((double) e.people()).as(e.key()).isEqualTo(perEvent.get(e.key()));
        }
        long others = one("SELECT COUNT(DISTINCT customer) FROM r WHERE event_id IN "
                + "(SELECT event_id FROM r GROUP BY event_id HAVING COUNT(DISTINCT customer) < 10)");
        assertThat(figures.events().stream().filter(GroupFigure::other).mapToLong(GroupFigure::people).sum()).isEqualTo(others);

        AudienceFigures.Frequency f = figures.frequency();
        assertThat(f.visits()).isEqualTo(one("SELECT COUNT(*) FROM (SELECT DISTINCT customer, order_id FROM r)"));
        assertThat(f.oneVisit()).isEqualTo(one("SELECT COUNT(*) FROM (SELECT customer FROM r GROUP BY customer HAVING COUNT(DISTINCT order_id) = 1)"));
        assertThat(f.newInLatest()).isEqualTo(one("SELECT COUNT(*) FROM (SELECT customer FROM r GROUP BY customer "
                + "HAVING bool_or(delivery_id = 11) AND NOT bool_or(delivery_id = 10))"));
        assertThat(f.returningInLatest()).isEqualTo(one("SELECT COUNT(*) FROM (SELECT customer FROM r GROUP BY customer "
                + "HAVING bool_or(delivery_id = 11) AND bool_or(delivery_id = 10))"));
    }

    @Test
    void catchmentMatchesSql() throws SQLException {
        for (int level : new int[] {50, 75, 90}) {
            double radius = oneDouble("WITH c AS (SELECT d.km, SUM(COALESCE(n, 0)) OVER (ORDER BY d.km, d.pc4) AS cum "
                    + "FROM dist d LEFT JOIN (SELECT pc4, COUNT(*) AS n FROM placed GROUP BY pc4) p USING (pc4)) "
                    + "SELECT MIN(km) FROM c WHERE cum * 100 >= " + level + " * (SELECT COUNT(*) FROM placed)");
            assertThat(figures.catchment().level(level).orElseThrow().radiusKm()).as(level + " %").isCloseTo(radius, within(1e-6));
        }
        double radius90 = figures.catchment().level(90).orElseThrow().radiusKm();
        double population = oneDouble("SELECT SUM(total) FROM pop JOIN dist USING (pc4) WHERE km <= " + radius90);
        assertThat(figures.catchment().level(90).orElseThrow().population()).isCloseTo(population, within(1e-3));
    }
}
