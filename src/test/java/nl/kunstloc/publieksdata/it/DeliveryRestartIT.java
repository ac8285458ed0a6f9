package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.kunstloc.publieksdata.delivery.bench.ExportGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server dies while it validates a big delivery (kill -9) and is started again: the validation
 * runs again by itself, at once rather than after the job's five-minute lock, and the delivery ends
 * as if nothing had happened: every row once, the counts adding up, one "validated" in the audit log.
 * This needs a portal of its own (the shared one must not be killed under the other tests).
 */
class DeliveryRestartIT {

    static final int PORT = Integer.getInteger("it.restart.port", 18180);
    static final int SMTP = Integer.getInteger("it.restart.mail.smtp", 13026);
    static final int IMAP = Integer.getInteger("it.restart.mail.imap", 13144);
    static final String DOMMEL_TOKEN = "pd_demo_dommel_7c1e0b5a9f4d4b8e";
    /** Big enough that validation takes several seconds, so the kill falls in the middle of it. */
    static final long ROWS = Long.getLong("it.restart.rows", 600_000);
    /** How long Camunda's job executor locks a job it takes; without the release at start-up the job waits that long. */
    static final Duration LOCK_TIME = Duration.ofMinutes(5);
    static final Set<String> VALIDATED = Set.of("IN_REVIEW", "NEEDS_ATTENTION");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static PortalServer portal;
    static Path export;

    @BeforeAll
    static void ownPortalAndBigExport() throws IOException {
        export = Path.of("target", "it-restart-export-" + ROWS + ".csv");
        if (!Files.exists(export)) {
            Path part = Path.of(export + ".part");
            new ExportGenerator(42).write(part, ROWS);
            Files.move(part, export);
        }
        portal = PortalServer.startOwn("restart", PORT, SMTP, IMAP);
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    void aValidationCutOffByACrashRunsAgainAfterTheRestartWithoutDuplicates() throws Exception {
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/api/v1/deliveries")))
                .header("Authorization", "Bearer " + DOMMEL_TOKEN).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofFile(export)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        long id = json(posted.body()).getJsonNumber("id").longValue();

        awaitProgress(id);
        Instant killedAt = Instant.now();
        portal.kill();

        assertThat(status(id)).as("the kill fell in the middle of the validation (else use more rows: -Dit.restart.rows)")
                .isEqualTo("VALIDATING");
        Instant lockedUntil = validationJobLockedUntil(id);
        assertThat(lockedUntil).as("the dead node's lock on the validation job").isAfter(killedAt.plus(Duration.ofMinutes(2)));
        System.out.printf("[DeliveryRestartIT] killed delivery %d's validation at %s; its job was locked until %s%n",
                id, killedAt, lockedUntil);

        portal.restart();
        Instant readyAgain = Instant.now();
        JsonObject report = awaitValidated(id, Duration.ofMinutes(3));
        Duration afterRestart = Duration.between(readyAgain, Instant.now());
        System.out.printf("[DeliveryRestartIT] delivery %d %s %.1f s after the restarted portal was ready: %s%n",
                id, report.getString("status"), afterRestart.toMillis() / 1000.0, report.getJsonObject("rows"));

        assertThat(afterRestart).as("validated again at once, not when the dead node's lock expired (%s after it was taken)",
                LOCK_TIME).isLessThan(Duration.ofMinutes(2));
        JsonObject rows = report.getJsonObject("rows");
        long read = rows.getJsonNumber("read").longValue();
        long accepted = rows.getJsonNumber("accepted").longValue();
        assertThat(read).as("the whole file was read, not only the part after the crash").isGreaterThanOrEqualTo(ROWS);
        assertThat(read).as("read = accepted + rejected + skipped").isEqualTo(accepted
                + rows.getJsonNumber("rejected").longValue() + rows.getJsonNumber("skipped").longValue());
        try (Connection db = portal.openDatabase()) {
            assertThat(count(db, "SELECT COUNT(*) FROM delivery_row WHERE delivery_id = ?", id))
                    .as("stored rows").isEqualTo(accepted);
            assertThat(lineNumbersStoredTwice(db, id)).as("line numbers stored twice").isEmpty();
            assertThat(count(db, "SELECT COUNT(*) FROM audit_entry WHERE action = 'delivery.validated' AND object_id = ?",
                    String.valueOf(id))).as("'validated' in the audit log").isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM act_ru_incident i JOIN delivery d ON d.process_instance_id = i.proc_inst_id_"
                    + " WHERE d.id = ?", id)).as("incidents: a crash is no failure of the validation").isZero();
        }
    }

    /** Until the validation has started and written its first progress (every 20,000 rows). */
    private static void awaitProgress(long id) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT status, progress_rows FROM delivery WHERE id = ?")) {
            q.setLong(1, id);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    String status = rs.getString(1);
                    assertThat(status).as("delivery %d while waiting for validation progress", id).isIn("UPLOADED", "VALIDATING");
                    if ("VALIDATING".equals(status) && rs.getLong(2) > 0) {
                        System.out.printf("[DeliveryRestartIT] delivery %d validating, %d rows done%n", id, rs.getLong(2));
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("delivery " + id + " showed no validation progress within 2 minutes");
    }

    private static JsonObject awaitValidated(long id, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/api/v1/deliveries/" + id)))
                    .header("Authorization", "Bearer " + DOMMEL_TOKEN).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && VALIDATED.contains(json(response.body()).getString("status"))) {
                return json(response.body());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("delivery " + id + " not validated within " + timeout + " of the restart; last answer: " + last);
    }

    private static String status(long id) throws SQLException {
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT status FROM delivery WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** When the lock the killed portal held on the delivery's validation job expires. */
    private static Instant validationJobLockedUntil(long id) throws SQLException {
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT j.lock_owner_, j.lock_exp_time_ FROM act_ru_job j"
                     + " JOIN delivery d ON d.process_instance_id = j.process_instance_id_ WHERE d.id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("the validation job of delivery %d", id).isTrue();
                assertThat(rs.getString(1)).as("its lock owner").isNotNull();
                return rs.getTimestamp(2).toInstant();
            }
        }
    }

    private static List<Long> lineNumbersStoredTwice(Connection db, long id) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT line_no FROM delivery_row WHERE delivery_id = ? GROUP BY line_no HAVING COUNT(*) > 1")) {
            q.setLong(1, id);
            List<Long> lines = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getLong(1));
                }
            }
            return lines;
        }
    }

    private static long count(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
