package nl.kunstloc.publieksdata.segmentation.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.bench.AudienceRowGenerator.Row;
import nl.kunstloc.publieksdata.segmentation.control.AudienceFigureCalculator;
import nl.kunstloc.publieksdata.segmentation.control.DefaultModel;
import nl.kunstloc.publieksdata.segmentation.control.DeliveryRowsReader;
import nl.kunstloc.publieksdata.segmentation.control.Pc4Centroids;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.VenueRef;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * Segmenting {@code bench.rows} validated rows (default 1,000,000) and building all of a report's aggregates
 * (issue 13's speed target: ≤ 3 s and ≤ 2× DuckDB in the same run). Prints, best of three after a warm-up:
 * <ol>
 *   <li>the portal's path: {@link DeliveryRowsReader} streaming the rows from PostgreSQL ({@code delivery_row},
 *       loaded with COPY into a fresh database) into {@link AudienceFigureCalculator}, then {@code finish};</li>
 *   <li>the calculator alone, on the same rows in memory (what the reading costs is the difference);</li>
 *   <li>DuckDB computing the same aggregates in SQL (as SegmentationCrossCheckTest checks them) from the same rows
 *       in an in-memory table.</li>
 * </ol>
 * Not a test: it prints numbers and fails only when it cannot run. {@code mvn -Pbench verify}.
 */
public final class SegmentationBenchmark {

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.rows", 1_000_000);
        PostcodeDirectory directory = PostcodeDirectory.load();
        Pc4Centroids centroids = Pc4Centroids.load();
        ModelData model = DefaultModel.build(directory, 1);
        List<Row> rows = new AudienceRowGenerator(7, directory, centroids).rows(n, 10);
        Pc4Centroids.Point venue = centroids.of(AudienceRowGenerator.VENUE_PC4).orElseThrow();
        AudienceFigureCalculator calculator = new AudienceFigureCalculator(model, directory, centroids,
                List.of(new VenueRef("Theater", AudienceRowGenerator.VENUE_PC4, "GM0772", "Eindhoven", venue.latitude(), venue.longitude())));
        System.out.printf("[segmentation-bench] %,d rows, %d CPUs, max heap %d MB%n", rows.size(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        double inMemory = inMemory(calculator, rows);

        // DuckDB gets the rows now, so that they need not stay on the heap while the portal's path is timed: the
        // server never holds a delivery's rows in memory, and 1M generated rows fill ~300 of the 512 MB (until
        // 2026-12-03 they stayed, and the portal's path spent seconds collecting garbage in a full heap)
        Connection d = DriverManager.getConnection("jdbc:duckdb:");
        DuckDbAudience.load(d, rows, model, centroids, directory);

        String database = "publieksdata_bench_seg_" + System.currentTimeMillis();
        double postgres = Double.NaN;
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
            try {
                Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                        .load().migrate();
                try (Connection pg = DriverManager.getConnection(url, "postgres", "")) {
                    load(pg, rows);
                    rows = null;
                    System.gc();
                    long jvmCpu = jvmCpuNanos();
                    long backendCpu = backendCpuNanos(pg);
                    postgres = best(() -> {
                        pg.setAutoCommit(false);
                        AudienceFigureCalculator.Accumulation a = calculator.start(3, List.of(10L, 11L));
                        long read = DeliveryRowsReader.read(pg, 3, List.of(10L, 11L), a);
                        check(a.finish(Instant.now()), (int) read);
                        pg.rollback();
                    });
                    // CPU seconds do not grow when other builds share the cores (wall seconds do)
                    System.out.printf("[segmentation-bench] CPU per portal run (mean of 4): JVM %.2f s, PostgreSQL backend %.2f s%n",
                            (jvmCpuNanos() - jvmCpu) / 4e9, backendCpu < 0 ? Double.NaN : (backendCpuNanos(pg) - backendCpu) / 4e9);
                }
            } finally {
                if (!Boolean.getBoolean("bench.keep-database")) {
                    try (Statement s = admin.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS " + database);
                    }
                } else {
                    System.out.println("[segmentation-bench] kept database " + database);
                }
            }
        } catch (java.sql.SQLException e) {
            System.out.println("[segmentation-bench] PostgreSQL at 127.0.0.1:5432 not usable (" + e.getMessage() + "): portal path not measured");
        }

        rows = null;
        double duck;
        long duckCpu = jvmCpuNanos(); // DuckDB runs inside this JVM: its threads count as the JVM's
        try (d) {
            String lat = String.valueOf(venue.latitude());
            String lon = String.valueOf(venue.longitude());
            duck = best(() -> {
                try (Statement s = d.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS home; DROP TABLE IF EXISTS placed; DROP TABLE IF EXISTS dist");
                    s.execute("CREATE TABLE home AS SELECT customer, arg_max(pc4, order_day * 10000 + CAST(pc4 AS INTEGER)) AS pc4 "
                            + "FROM r WHERE pc4 IS NOT NULL GROUP BY customer");
                    s.execute("CREATE TABLE placed AS SELECT h.customer, h.pc4 FROM home h JOIN pop USING (pc4)");
                    s.execute("CREATE TABLE dist AS SELECT pc4, 2 * 6371.0088 * asin(sqrt(pow(sin(radians(lat - " + lat
                            + ") / 2), 2) + cos(radians(" + lat + ")) * cos(radians(lat)) * pow(sin(radians(lon - " + lon
                            + ") / 2), 2))) AS km FROM area WHERE lat IS NOT NULL");
                    for (String q : List.of(
                            "SELECT COUNT(*), SUM(tickets), COUNT(DISTINCT customer) FROM r",
                            "SELECT COUNT(*), SUM(tickets) FROM r JOIN pop USING (pc4)",
                            "SELECT pc4, COUNT(*) FROM placed GROUP BY pc4",
                            "SELECT pc4, SUM(tickets) FROM r JOIN pop USING (pc4) GROUP BY pc4",
                            "SELECT municipality, COUNT(*) FROM placed JOIN area USING (pc4) GROUP BY municipality",
                            "SELECT seg, SUM(m.people / pop.total) FROM placed JOIN m USING (pc4) JOIN pop USING (pc4) GROUP BY seg",
                            "SELECT event_id, COUNT(DISTINCT customer) FROM r GROUP BY event_id",
                            "SELECT genre, COUNT(DISTINCT customer) FROM r GROUP BY genre",
                            "SELECT COUNT(*) FROM (SELECT DISTINCT customer, order_id FROM r)",
                            "SELECT visits, COUNT(*) FROM (SELECT customer, COUNT(DISTINCT order_id) AS visits FROM r GROUP BY customer) GROUP BY visits",
                            "SELECT COUNT(*) FILTER (WHERE l AND NOT o), COUNT(*) FILTER (WHERE l AND o) FROM "
                                    + "(SELECT customer, bool_or(delivery_id = 11) AS l, bool_or(delivery_id = 10) AS o FROM r GROUP BY customer)",
                            "SELECT pc4, km, COUNT(*) FROM placed JOIN dist USING (pc4) GROUP BY pc4, km ORDER BY km")) {
                        try (ResultSet rs = s.executeQuery(q)) {
                            while (rs.next()) {
                                rs.getObject(1);
                            }
                        }
                    }
                }
            });
        }
        System.out.printf("[segmentation-bench] CPU per DuckDB run (mean of 4): %.2f s%n", (jvmCpuNanos() - duckCpu) / 4e9);
        System.out.printf("[segmentation-bench] portal, from PostgreSQL: %.2f s (target ≤ 3 s)%n", postgres);
        System.out.printf("[segmentation-bench] calculator alone (rows in memory): %.2f s%n", inMemory);
        System.out.printf("[segmentation-bench] DuckDB, same aggregates in SQL: %.2f s%n", duck);
        System.out.printf("[segmentation-bench] portal / DuckDB: %.1f× (target ≤ 2×)%n", postgres / duck);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The CPU time of the connection's PostgreSQL backend process (same machine, Linux /proc), or -1. */
    private static long backendCpuNanos(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(rs.getInt(1)), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L; // utime + stime, USER_HZ 100
        } catch (java.sql.SQLException | java.io.IOException | RuntimeException notReadable) {
            return -1;
        }
    }

    /** The calculator alone, on the rows in memory. */
    private static double inMemory(AudienceFigureCalculator calculator, List<Row> rows) throws Exception {
        return best(() -> {
            AudienceFigureCalculator.Accumulation a = calculator.start(3, List.of(10L, 11L));
            for (Row r : rows) {
                a.add(r.deliveryId(), r.orderId(), r.customer(), r.orderDay(), r.eventId(), r.eventName(), r.eventDay(),
                        r.genre(), r.tickets(), r.pc4());
            }
            check(a.finish(Instant.now()), rows.size());
        });
    }

    interface Run {
        void run() throws Exception;
    }

    /** Best of three, after one warm-up run. */
    static double best(Run run) throws Exception {
        run.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }

    private static void check(AudienceFigures figures, int rows) {
        if (figures.basis().rowsAccepted() != rows) {
            throw new IllegalStateException("read " + figures.basis().rowsAccepted() + " of " + rows + " rows");
        }
    }

    private static void load(Connection pg, List<Row> rows) throws Exception {
        try (Statement s = pg.createStatement()) {
            s.execute("INSERT INTO institution (id, name, type, status, created_at, status_since) VALUES (3, 'Theater', 'THEATRE', 'ACTIVE', now(), now())");
            for (long d : new long[] {10, 11}) {
                s.execute("INSERT INTO delivery (id, institution_id, institution_name, delivery_version, file_name, file_format, "
                        + "file_bytes, uploaded_by, uploaded_at, status, status_since) VALUES (" + d + ", 3, 'Theater', 1, 'x.csv', 'CSV', 1, 't', now(), 'ACCEPTED', now())");
            }
        }
        long t = System.nanoTime();
        org.postgresql.copy.CopyIn copy = ((PGConnection) pg.unwrap(PGConnection.class)).getCopyAPI().copyIn("COPY delivery_row ("
                + "delivery_id, institution_id, line_no, order_id, customer_pseudonym, order_date, event_id, event_name, event_date, "
                + "genre, ticket_count, pc4, country, outlier) FROM STDIN WITH (FORMAT csv)");
        StringBuilder csv = new StringBuilder(1 << 20);
        long line = 0;
        for (Row r : rows) {
            csv.append(r.deliveryId()).append(",3,").append(++line).append(',').append(r.orderId()).append(',').append(r.customer())
                    .append(',').append(LocalDate.ofEpochDay(r.orderDay())).append(',').append(r.eventId()).append(',')
                    .append(r.eventName()).append(',').append(LocalDate.ofEpochDay(r.eventDay())).append(',').append(r.genre())
                    .append(',').append(r.tickets()).append(',').append(r.pc4() == null ? "" : r.pc4()).append(",NL,false\n");
            if (csv.length() > (1 << 20) - 512) {
                byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                csv.setLength(0);
            }
        }
        byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        try (Statement s = pg.createStatement()) {
            s.execute("ANALYZE delivery_row");
        }
        System.out.printf("[segmentation-bench] %,d rows loaded into PostgreSQL with COPY in %.1f s%n", rows.size(), (System.nanoTime() - t) / 1e9);
    }

}
