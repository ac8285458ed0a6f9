package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
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
import java.util.Set;
import nl.kunstloc.publieksdata.delivery.bench.ExportGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under a running portal and comes back (issue 15), without restarting the shared server:
 * the portal reaches it through a {@link TcpProxy} that cuts every connection and refuses new ones for
 * {@value #OUTAGE_SECONDS} s, while a big delivery is being validated. During the outage a page answers the
 * portal's own error page (no stack trace) and the health check says DOWN; afterwards the same session's pages
 * work again without a restart, the validation that was cut off runs again by itself (or is an incident the
 * coordinator can retry) and ends with every row once, and a new delivery is validated (the job executor runs).
 */
class DatabaseOutageIT {

    static final int PORT = Integer.getInteger("it.outage.port", 18581);
    static final int SMTP = Integer.getInteger("it.outage.mail.smtp", 13626);
    static final int IMAP = Integer.getInteger("it.outage.mail.imap", 13744);
    static final int PROXY = Integer.getInteger("it.outage.proxy", 15432);
    static final int OUTAGE_SECONDS = 10;
    static final long ROWS = Long.getLong("it.restart.rows", 600_000);
    static final String DOMMEL_TOKEN = "pd_demo_dommel_7c1e0b5a9f4d4b8e";
    static final Set<String> VALIDATED = Set.of("IN_REVIEW", "NEEDS_ATTENTION");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static TcpProxy proxy;
    static PortalServer portal;
    static Path export;

    @BeforeAll
    static void portalBehindAProxy() throws IOException {
        assumeTrue(PortalServer.postgresAnswers(), "needs PostgreSQL at 127.0.0.1:5432");
        export = Path.of("target", "it-restart-export-" + ROWS + ".csv");
        if (!Files.exists(export)) {
            Path part = Path.of(export + ".part");
            new ExportGenerator(42).write(part, ROWS);
            Files.move(part, export);
        }
        proxy = new TcpProxy(PROXY, "127.0.0.1", 5432).restore();
        portal = PortalServer.startOwnThrough("outage", PORT, SMTP, IMAP, PROXY);
    }

    @AfterAll
    static void stop() throws IOException {
        if (portal != null) {
            portal.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void thePortalComesBackByItselfAfterTheDatabaseWasGoneAndNothingIsLost() throws Exception {
        WebClient coordinator = new WebClient(portal);
        assertThat(coordinator.login("coordinator@kunstloc.nl", "demo-2026!")).isIn(200, 302, 303);
        assertThat(coordinator.get("/tasks/inbox.xhtml").statusCode()).as("inbox before the outage").isEqualTo(200);

        long id = upload(export);
        awaitProgress(id);

        // --- the database goes away
        Instant cutAt = Instant.now();
        int cut = proxy.cut();
        System.out.printf("[DatabaseOutageIT] cut %d database connection(s) while delivery %d was validating%n", cut, id);

        long pageStart = System.nanoTime();
        HttpResponse<String> during = coordinator.get("/tasks/inbox.xhtml");
        double pageSeconds = (System.nanoTime() - pageStart) / 1e9;
        System.out.printf("[DatabaseOutageIT] the inbox during the outage: %d after %.1f s%n", during.statusCode(), pageSeconds);
        assertThat(during.statusCode()).as("a page while the database is gone").isEqualTo(503);
        assertThat(during.body()).as("the portal's own page for it").contains("Even geen verbinding", "niets half opgeslagen")
                .doesNotContain("Exception", "\tat ", "SQLState", "Payara");
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/health/ready"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("readiness while the database is gone: " + health.body()).isEqualTo(503);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), cutAt.plusSeconds(OUTAGE_SECONDS)).toMillis()));
        int acceptedBefore = proxy.accepted();
        proxy.restore();
        Instant restoredAt = Instant.now();
        System.out.printf("[DatabaseOutageIT] the database was away for %.1f s%n", Duration.between(cutAt, restoredAt).toMillis() / 1000.0);

        // --- it comes back: the same signed-in session, no restart
        HttpResponse<String> after = null;
        Instant deadline = restoredAt.plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            after = coordinator.get("/tasks/inbox.xhtml");
            if (after.statusCode() == 200) {
                break;
            }
            Thread.sleep(250);
        }
        double reconnectSeconds = Duration.between(restoredAt, Instant.now()).toMillis() / 1000.0;
        System.out.printf("[DatabaseOutageIT] inbox answers 200 again %.1f s after the database came back (%d new connections)%n",
                reconnectSeconds, proxy.accepted() - acceptedBefore);
        assertThat(after.statusCode()).as("the inbox after the outage, same session").isEqualTo(200);
        assertThat(after.body()).doesNotContain("Even geen verbinding", "Er ging iets mis");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/health/ready"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("readiness after the outage").isEqualTo(200);

        // --- the validation that was cut off: runs again (or is a retryable incident), and ends whole
        Instant watchFrom = Instant.now();
        String outcome = awaitValidatedOrIncident(id, Duration.ofMinutes(4));
        System.out.printf("[DatabaseOutageIT] the cut-off validation of delivery %d: %s %.1f s after the inbox was back%n",
                id, outcome, Duration.between(watchFrom, Instant.now()).toMillis() / 1000.0);
        if (outcome.startsWith("incident")) {
            HttpResponse<String> incidents = coordinator.get("/tasks/incidents.xhtml");
            assertThat(incidents.body()).as("the incident on the coordinator's Incidents page, with its retry button")
                    .contains("delivery-" + id).contains("validateDelivery");
        } else {
            JsonObject rows = status(id).getJsonObject("rows");
            long accepted = rows.getJsonNumber("accepted").longValue();
            assertThat(rows.getJsonNumber("read").longValue()).as("the whole file read").isGreaterThanOrEqualTo(ROWS);
            try (Connection db = portal.openDatabase()) {
                assertThat(count(db, "SELECT COUNT(*) FROM delivery_row WHERE delivery_id = ?", id)).as("stored rows").isEqualTo(accepted);
                assertThat(count(db, "SELECT COUNT(*) FROM (SELECT line_no FROM delivery_row WHERE delivery_id = ?"
                        + " GROUP BY line_no HAVING COUNT(*) > 1) twice", id)).as("line numbers stored twice").isZero();
                assertThat(count(db, "SELECT COUNT(*) FROM audit_entry WHERE action = 'delivery.validated' AND object_id = ?",
                        String.valueOf(id))).as("'validated' in the audit log").isEqualTo(1);
            }
        }

        // --- the job executor takes new work
        Path small = Path.of("target", "it-outage-small.csv");
        new ExportGenerator(7).write(small, 2_000);
        long second = upload(small);
        Instant uploaded = Instant.now();
        assertThat(awaitValidatedOrIncident(second, Duration.ofMinutes(2))).as("a delivery uploaded after the outage").isEqualTo("validated");
        System.out.printf("[DatabaseOutageIT] a delivery uploaded after the outage validated in %.1f s%n",
                Duration.between(uploaded, Instant.now()).toMillis() / 1000.0);
    }

    private static long upload(Path file) throws IOException, InterruptedException {
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/api/v1/deliveries")))
                .header("Authorization", "Bearer " + DOMMEL_TOKEN).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        return DeliveryApiPolling.json(posted.body()).getJsonNumber("id").longValue();
    }

    private static void awaitProgress(long id) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT status, progress_rows FROM delivery WHERE id = ?")) {
            q.setLong(1, id);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if ("VALIDATING".equals(rs.getString(1)) && rs.getLong(2) > 0) {
                        return;
                    }
                    assertThat(rs.getString(1)).as("delivery %d before the outage", id).isIn("UPLOADED", "VALIDATING");
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("delivery " + id + " showed no validation progress within 2 minutes");
    }

    /** "validated", or "incident: <message>" when its job ran out of retries. */
    private static String awaitValidatedOrIncident(long id, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            JsonObject status = status(id);
            last = String.valueOf(status);
            if (status != null && VALIDATED.contains(status.getString("status"))) {
                return "validated";
            }
            try (Connection db = portal.openDatabase();
                 PreparedStatement q = db.prepareStatement("SELECT i.incident_msg_ FROM act_ru_incident i"
                         + " JOIN delivery d ON d.process_instance_id = i.proc_inst_id_ WHERE d.id = ?")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return "incident: " + rs.getString(1);
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("delivery " + id + " neither validated nor an incident within " + timeout + "; last: " + last);
    }

    private static JsonObject status(long id) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/api/v1/deliveries/" + id)))
                .header("Authorization", "Bearer " + DOMMEL_TOKEN).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? DeliveryApiPolling.json(response.body()) : null;
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
}
