package nl.kunstloc.publieksdata.delivery.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.control.DeliveryReader;
import nl.kunstloc.publieksdata.delivery.control.DeliveryRowStore;
import nl.kunstloc.publieksdata.delivery.control.Pseudonymiser;
import nl.kunstloc.publieksdata.delivery.control.RejectedRowsCsv;
import nl.kunstloc.publieksdata.delivery.control.RowSink;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import org.flywaydb.core.Flyway;

/**
 * The delivery benchmark (not a test): a realistic export of N rows (default 1,000,000) is read,
 * validated, pseudonymised and placed, and its accepted rows stored in PostgreSQL with COPY — the
 * portal's own pipeline (DeliveryReader + DeliveryRowStore) — timed from "upload complete" (the file
 * on disk) to "validated rows committed". DuckDB reads the same file with the same normalisation
 * into a table in the same run, as a columnar baseline. Prints rows/s, peak heap and the ratio.
 *
 * <p>Run: {@code mvn -Pbench verify} (JVM -Xmx512m; PostgreSQL at 127.0.0.1:5432, trust auth).
 * {@code -Dbench.rows=200000} for a shorter run.
 */
public final class DeliveryBenchmark {

    public static void main(String[] args) throws Exception {
        long rows = Long.getLong("bench.rows", 1_000_000L);
        Path file = Path.of("target", "bench", "export-" + rows + ".csv");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            long t = System.nanoTime();
            new ExportGenerator(42).write(file, rows);
            System.out.printf("generated %,d rows (%,d MB) in %.1f s%n", rows, Files.size(file) >> 20, (System.nanoTime() - t) / 1e9);
        }
        String database = "publieksdata_bench_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        Flyway.configure().dataSource(url, "postgres", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO institution (id, name, type, status, created_at, status_since) "
                    + "VALUES (1, 'Benchmark', 'THEATRE', 'ACTIVE', now(), now())");
            s.execute("INSERT INTO delivery (id, institution_id, institution_name, delivery_version, file_name, file_format, "
                    + "file_bytes, uploaded_by, uploaded_at, status, status_since) VALUES (1, 1, 'Benchmark', 1, '"
                    + file.getFileName() + "', 'CSV', " + Files.size(file) + ", 'bench', now(), 'VALIDATING', now())");
        }

        PostcodeDirectory directory = PostcodeDirectory.load();
        directory.municipalities(); // load the reference data before the clock starts, as the running portal has it
        DeliveryReader reader = new DeliveryReader(directory);
        Pseudonymiser pseudonymiser = Pseudonymiser.forInstitution("benchmark-secret-of-at-least-32-bytes!".getBytes(), "1");

        // the same read without storing, once to warm up and once timed: how much of the run is reading
        readOnly(reader, pseudonymiser, file);
        long readCpuStart = jvmCpuNanos();
        double readSeconds = readOnly(reader, pseudonymiser, file);
        double readCpu = (jvmCpuNanos() - readCpuStart) / 1e9;

        System.gc();
        resetPeakHeap();
        long start = System.nanoTime();
        ValidationReport report;
        long stored;
        long rejectedBytes;
        double jvmCpu;
        double backendCpu;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            long backendCpuStart = backendCpuNanos(c);
            long jvmCpuStart = jvmCpuNanos();
            DeliveryRowStore store = new DeliveryRowStore(c);
            // as the validation job does (Deliveries.validate): rejected rows written to a CSV in memory
            ByteArrayOutputStream rejects = new ByteArrayOutputStream();
            RejectedRowsCsv rejectedCsv = new RejectedRowsCsv(new OutputStreamWriter(rejects, StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                report = store.store(1, 1, sink -> reader.read(in, file.getFileName().toString(), Optional.empty(),
                        Optional.empty(), pseudonymiser, sink), rejectedCsv, done -> { });
            }
            rejectedCsv.close();
            rejectedBytes = rejects.size();
            c.commit();
            jvmCpu = (jvmCpuNanos() - jvmCpuStart) / 1e9;
            backendCpu = backendCpuStart < 0 ? Double.NaN : (backendCpuNanos(c) - backendCpuStart) / 1e9;
            stored = store.count(1);
            if (!store.usesCopy()) {
                throw new IllegalStateException("the row store did not use COPY");
            }
        }
        double portalSeconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = peakHeap();

        long duckCpuStart = jvmCpuNanos(); // DuckDB runs inside this JVM: its threads count as the JVM's
        double duckSeconds = duckDb(file);
        double duckCpu = (jvmCpuNanos() - duckCpuStart) / 1e9;

        System.out.println();
        System.out.println("=== delivery benchmark: " + String.format("%,d", rows) + " rows, heap max "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB, " + Runtime.getRuntime().availableProcessors() + " cores ===");
        System.out.printf("portal (DeliveryReader + COPY into PostgreSQL): %.2f s, %,.0f rows/s, read %,d accepted %,d rejected %,d skipped %,d, stored %,d, match rate %.1f %%%n",
                portalSeconds, rows / portalSeconds, report.rowsRead(), report.accepted(), report.rejected(), report.skipped(),
                stored, report.matchRate() * 100);
        System.out.printf("of which reading, checking and pseudonymising alone (no storing, warm JVM): %.2f s, %,.0f rows/s, JVM CPU %.2f s%n",
                readSeconds, rows / readSeconds, readCpu);
        System.out.printf("peak heap during the run: %,d MB%n", peakHeap >> 20);
        // CPU seconds do not grow when other builds share the cores (wall seconds do): what the work itself costs
        System.out.printf("CPU of the portal run: JVM %.2f s (all threads, GC included), PostgreSQL backend %.2f s (COPY, commit)%n",
                jvmCpu, backendCpu);
        System.out.printf("DuckDB (read_csv + the same normalisation into a table): %.2f s, %,.0f rows/s, CPU %.2f s%n",
                duckSeconds, rows / duckSeconds, duckCpu);
        System.out.printf("CPU seconds portal (JVM + backend) / DuckDB: %.1f×%n", (jvmCpu + backendCpu) / duckCpu);
        System.out.printf("rejected rows CSV kept for download: %,d KB%n", rejectedBytes >> 10);
        double target = 10.0 * rows / 1_000_000;
        System.out.printf("ratio portal / DuckDB: %.1f×; target ≤ 10 s per 1M rows (%.1f s here): %s%n",
                portalSeconds / duckSeconds, target, portalSeconds <= target ? "met" : "MISSED");

        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE " + database);
        }
    }

    private static double readOnly(DeliveryReader reader, Pseudonymiser pseudonymiser, Path file) throws java.io.IOException {
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            reader.read(in, file.getFileName().toString(), Optional.empty(), Optional.empty(), pseudonymiser,
                    RowSink.of(row -> { }, rejected -> { }));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The same normalisation in DuckDB: postcode cleaned and cut to PC4, customer id hashed, date parsed, tickets > 0. */
    private static double duckDb(Path windows1252) throws SQLException, java.io.IOException {
        // DuckDB's own latin-1 reader refuses 0x80-0x9F (the euro sign) and its encodings extension must be
        // downloaded, so DuckDB gets a UTF-8 copy made before its clock starts: a small advantage for DuckDB.
        Path file = windows1252.resolveSibling(windows1252.getFileName() + ".utf8");
        if (!Files.exists(file)) {
            try (var in = Files.newBufferedReader(windows1252, java.nio.charset.Charset.forName("windows-1252"));
                 var out = Files.newBufferedWriter(file)) {
                in.transferTo(out);
            }
        }
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads TO " + Runtime.getRuntime().availableProcessors());
            s.execute("CREATE TABLE rows AS SELECT "
                    + "  \"Bestelling ID\" AS order_id, "
                    + "  sha256('benchmark-secret' || lower(ltrim(\"Klant ID\", '0'))) AS customer_pseudonym, "
                    + "  try_strptime(\"Besteldatum\", '%d-%m-%Y') AS order_date, "
                    + "  \"Evenement\" AS event_name, "
                    + "  TRY_CAST(replace(replace(replace(\"Prijs\", '€', ''), '.', ''), ',', '.') AS DECIMAL(12, 2)) AS price, "
                    + "  TRY_CAST(\"Aantal\" AS INTEGER) AS tickets, "
                    + "  left(upper(regexp_replace(\"Postcode\", '[\\s-]', '', 'g')), 4) AS pc4, "
                    + "  \"Land\" AS country "
                    + "FROM read_csv('" + file.toAbsolutePath() + "', header = true, delim = ';', all_varchar = true) "
                    + "WHERE TRY_CAST(\"Aantal\" AS INTEGER) > 0");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The CPU time of the connection's PostgreSQL backend process (same machine, Linux /proc), or -1. */
    private static long backendCpuNanos(Connection c) {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            String stat = Files.readString(Path.of("/proc", String.valueOf(rs.getInt(1)), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
            return ticks * 10_000_000L; // USER_HZ = 100 on Linux
        } catch (SQLException | java.io.IOException | RuntimeException notReadable) {
            return -1;
        }
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
