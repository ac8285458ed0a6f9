package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kunstloc.publieksdata.delivery.bench.ExportGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node dies (kill -9) in the middle of each long or important step and is started again (issue 15); one portal
 * of its own, killed and restarted once per case (the shared one must not be killed under the other tests).
 * <ul>
 * <li>validation: the server dies while it validates a big delivery; the validation runs again by itself, at once
 * rather than after the job's five-minute lock, and the delivery ends as if nothing had happened: every row once,
 * the counts adding up, one "validated" in the audit log;</li>
 * <li>PDF generation (a new agreement version) and countersigning (the signed PDF), cut off by one kill: the
 * kill falls after each step did its work and before its transaction committed. To make that moment certain, not
 * a matter of luck, the test database gets a trigger that holds the steps' audit lines until the test lets go
 * (each waiting connection names its step in pg_stat_activity), and the test kills the portal while they wait.
 * After the restart the job step has run again by itself (one PDF, one audit line), the user's step has left
 * nothing behind and its task waits; doing it again completes it;</li>
 * <li>segmentation, the same way: disabled, it shows a finding (see its javadoc);</li>
 * <li>backup and restore: a backup of the running portal (ops/backup.sh), the portal and its database gone, the
 * restore into a fresh database and folder (ops/restore.sh), a portal on it: the task that waited is there and
 * completing it moves the process on.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRestartIT {

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
    @Order(1)
    void aValidationCutOffByACrashRunsAgainAfterTheRestartWithoutDuplicates() throws Exception {
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/api/v1/deliveries")))
                .header("Authorization", "Bearer " + DOMMEL_TOKEN).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofFile(export)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        long id = DeliveryApiPolling.json(posted.body()).getJsonNumber("id").longValue();

        awaitProgress(id);
        Instant killedAt = Instant.now();
        portal.kill();

        assertThat(status(id)).as("the kill fell in the middle of the validation (else use more rows: -Dit.restart.rows)")
                .isEqualTo("VALIDATING");
        Instant lockedUntil = validationJobLockedUntil(id);
        assertThat(lockedUntil).as("the dead node's lock on the validation job").isAfter(killedAt.plus(Duration.ofMinutes(2)));
        System.out.printf("[CrashRestartIT] killed delivery %d's validation at %s; its job was locked until %s%n",
                id, killedAt, lockedUntil);

        portal.restart();
        Instant readyAgain = Instant.now();
        JsonObject report = DeliveryApiPolling.awaitValidated(portal, id, Duration.ofMinutes(3), " of the restart");
        Duration afterRestart = Duration.between(readyAgain, Instant.now());
        System.out.printf("[CrashRestartIT] delivery %d %s %.1f s after the restarted portal was ready: %s%n",
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

    static final String PASSWORD = "demo-2026!";
    static final String COORDINATOR = "coordinator@kunstloc.nl";

    /**
     * A new agreement PDF (a job) and a countersignature (a user's action, which makes the signed PDF) each wait at
     * their audit line, their work done, when the node dies; one kill for both, so that the class restarts its
     * portal once for them (a start takes 1 to 3 minutes on the busy 2-core machine). (The generation's audit line
     * is flushed inside the step, by a query of the step, before the engine writes: see the segmentation finding.)
     */
    @Test
    @Order(2)
    void aPdfGenerationAndACountersignatureCutOffByACrashLeaveNothingHalfSaved() throws Exception {
        // the PDF generation: the coordinator has Museum De Wever's declined agreement made again
        String wever = single("SELECT institution_id FROM agreement WHERE institution_name LIKE '%Wever%' AND status = 'DECLINED'");
        String weverProcess = single("SELECT process_instance_id FROM agreement WHERE institution_id = " + wever + " AND status = 'DECLINED'");
        int weverAgreements = Integer.parseInt(single("SELECT COUNT(*) FROM agreement WHERE institution_id = " + wever));
        // the countersignature: the coordinator countersigns Heidezicht's agreement
        long heidezicht = Long.parseLong(single("SELECT id FROM agreement WHERE institution_name LIKE '%Heidezicht%' AND status = 'AWAITING_COORDINATOR'"));
        String heidezichtProcess = single("SELECT process_instance_id FROM agreement WHERE id = " + heidezicht);
        String coordinatorName = single("SELECT display_name FROM app_user WHERE username = '" + COORDINATOR + "'");
        Map<String, String> confirmation = Map.of("sign:password", PASSWORD, "sign:typedName", coordinatorName, "sign:agreed_input", "on");

        WebClient coordinator = signedIn(COORDINATOR);
        try (HeldAuditLine held = HeldAuditLine.hold(portal, "agreement.generated", "agreement.countersigned")) {
            HttpResponse<String> regenerate = submit(coordinator, "/agreement/declined.xhtml?taskId=" + taskOf(weverProcess, "handleDeclinedAgreement"),
                    "decide", "decide:regenerate", Map.of(), true);
            assertThat(regenerate.statusCode()).as("the coordinator's 'make a new version'").isEqualTo(200);
            String countersignPage = "/agreement/countersign.xhtml?taskId=" + taskOf(heidezichtProcess, "countersignAgreement");
            java.util.concurrent.CompletableFuture<HttpResponse<String>> countersigning = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    submit(coordinator, countersignPage, "sign", "sign:submit", confirmation, true));

            held.awaitPortalWaiting(Duration.ofMinutes(3));
            portal.kill();
            System.out.printf("[CrashRestartIT] killed the portal while institution %s's new agreement PDF and agreement %d's"
                    + " countersignature waited to commit%n", wever, heidezicht);
            held.release();
            assertThat(countersigning).as("the coordinator's countersign request, cut off").failsWithin(Duration.ofSeconds(30));
        }
        assertThat(single("SELECT COUNT(*) FROM agreement WHERE institution_id = " + wever)).as("agreements stored by the dead node")
                .isEqualTo(String.valueOf(weverAgreements));

        portal.restart();
        Instant ready = Instant.now();


        // PDF generation: ran again by itself, one new version with its PDF, the director's task waiting
        awaitTrue(() -> taskOf(weverProcess, "signAgreement") != null, Duration.ofMinutes(2), "the director's signing task after the restart");
        System.out.printf("[CrashRestartIT] agreement PDF generated %.1f s after the restarted portal was ready%n",
                Duration.between(ready, Instant.now()).toMillis() / 1000.0);
        assertThat(single("SELECT COUNT(*) FROM agreement WHERE institution_id = " + wever)).as("one new agreement version")
                .isEqualTo(String.valueOf(weverAgreements + 1));
        long generated = Long.parseLong(single("SELECT id FROM agreement WHERE institution_id = " + wever + " AND status = 'AWAITING_DIRECTOR'"));
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT original_pdf, original_sha256 FROM agreement WHERE id = ?")) {
            q.setLong(1, generated);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                byte[] pdf = rs.getBytes(1);
                assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).as("a PDF").isEqualTo("%PDF-");
                assertThat(rs.getString(2)).as("its stored hash").isEqualTo(sha256(pdf));
            }
        }
        assertThat(single("SELECT COUNT(*) FROM audit_entry WHERE action = 'agreement.generated' AND object_id = '" + generated + "'"))
                .as("'generated' in the audit log").isEqualTo("1");
        assertThat(incidentsOf("SELECT '" + weverProcess + "'")).as("incidents of the agreement").isZero();

        // countersignature: nothing of it stored, the task waits; doing it again completes it
        assertThat(single("SELECT status FROM agreement WHERE id = " + heidezicht)).as("after the restart").isEqualTo("AWAITING_COORDINATOR");
        assertThat(single("SELECT signed_pdf IS NULL FROM agreement WHERE id = " + heidezicht)).as("no signed PDF").isIn("t", "true");
        assertThat(single("SELECT COUNT(*) FROM agreement_signature WHERE agreement_id = " + heidezicht + " AND role = 'COORDINATOR'"))
                .as("no coordinator signature").isEqualTo("0");
        assertThat(single("SELECT COUNT(*) FROM audit_entry WHERE action = 'agreement.countersigned' AND object_id = '" + heidezicht + "'"))
                .as("no 'countersigned' in the audit log").isEqualTo("0");
        String taskId = taskOf(heidezichtProcess, "countersignAgreement");
        assertThat(taskId).as("the countersign task, waiting").isNotNull();
        WebClient again = signedIn(COORDINATOR); // the session died with the node
        HttpResponse<String> signed = submit(again, "/agreement/countersign.xhtml?taskId=" + taskId, "sign", "sign:submit", confirmation, true);
        assertThat(signed.statusCode()).isEqualTo(200);
        awaitTrue(() -> "ACTIVE".equals(single("SELECT status FROM agreement WHERE id = " + heidezicht)), Duration.ofMinutes(1),
                "agreement " + heidezicht + " active after countersigning again");
        try (Connection db = portal.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT signed_pdf, signed_sha256 FROM agreement WHERE id = ?")) {
            q.setLong(1, heidezicht);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getBytes(1)).as("the signed PDF").isNotNull();
                assertThat(rs.getString(2)).as("its hash").isEqualTo(sha256(rs.getBytes(1)));
            }
        }
        assertThat(single("SELECT COUNT(*) FROM audit_entry WHERE action = 'agreement.countersigned' AND object_id = '" + heidezicht + "'"))
                .as("'countersigned' in the audit log").isEqualTo("1");
        assertThat(taskOf(heidezichtProcess, "countersignAgreement")).as("the countersign task, done").isNull();
    }

    @Test
    @Order(3)
    void aBackupRestoredIntoAFreshDatabaseContinuesWhereTheProcessesWere() throws Exception {
        // what waits: a report draft at the coordinator's review (De Spiegel's, demo data), held uploads
        String reportId = single("SELECT r.id FROM audience_report r WHERE r.status = 'IN_REVIEW' AND EXISTS (SELECT 1 FROM"
                + " act_ru_task t WHERE t.proc_inst_id_ = r.process_instance_id AND t.task_def_key_ = 'reviewReport')"
                + " ORDER BY r.id DESC LIMIT 1");
        assertThat(reportId).as("a report waiting for its review").isNotNull();
        String reviewTask = task("report-" + reportId, "reviewReport");
        int reviewedBefore = Integer.parseInt(single("SELECT COUNT(*) FROM audit_entry WHERE action = 'report.reviewed' AND object_id = '"
                + reportId + "'"));
        List<String> held;
        try (var files = Files.list(portal.uploadFolder())) {
            held = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(held).as("held uploads before the backup").isNotEmpty();

        // backup of the running portal, then the portal and its database are gone
        Path backups = Path.of("target", "it-backups").toAbsolutePath();
        long backupStart = System.nanoTime();
        String backup = run(List.of("bash", "ops/backup.sh", backups.toString()),
                Map.of("PGDATABASE", portal.databaseName(), "PUBLIEKSDATA_DELIVERY_UPLOAD_DIR", portal.uploadFolder().toString()));
        double backupSeconds = (System.nanoTime() - backupStart) / 1e9;
        portal.stop(); // drops its database: the restore needs nothing but the backup

        String fresh = "publieksdata_it_" + System.currentTimeMillis() + "_restored";
        Path uploads = Path.of("target", "it-portal-restored", "uploads-" + System.currentTimeMillis()).toAbsolutePath();
        long restoreStart = System.nanoTime();
        run(List.of("bash", "ops/restore.sh", backup, fresh, uploads.toString()), Map.of());
        double restoreSeconds = (System.nanoTime() - restoreStart) / 1e9;
        System.out.printf("[CrashRestartIT] backup %.1f s (%s), restore into %s %.1f s%n", backupSeconds, backup, fresh, restoreSeconds);
        try (var files = Files.list(uploads)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).as("held uploads restored").isEqualTo(held);
        }

        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + fresh, "postgres", "");
             ResultSet rs = db.createStatement().executeQuery("SELECT held_file FROM delivery WHERE held_file IS NOT NULL")) {
            int files = 0;
            while (rs.next()) {
                files++;
                assertThat(Path.of(rs.getString(1))).as("a delivery's held file, after the restore").startsWith(uploads).exists();
            }
            assertThat(files).as("deliveries with a held file").isPositive();
        }
        portal = PortalServer.startOwnOn("restored", PORT, SMTP, IMAP, fresh, uploads);
        assertThat(task("report-" + reportId, "reviewReport")).as("the review task, the same after the restore").isEqualTo(reviewTask);
        WebClient coordinator = signedIn(COORDINATOR);
        HttpResponse<String> approved = submit(coordinator, "/report/review.xhtml?taskId=" + reviewTask, "review", "review:approve",
                Map.of("review:text", "Na het terugzetten van de back-up goedgekeurd."), false);
        assertThat(approved.statusCode()).as("the coordinator approves on the restored portal").isIn(200, 302, 303);
        awaitTrue(() -> task("report-" + reportId, "approveReport") != null, Duration.ofMinutes(1),
                "the director's approval task after the restored review");
        assertThat(single("SELECT status FROM audience_report WHERE id = " + reportId)).as("the report after the review")
                .isNotEqualTo("IN_REVIEW");
        assertThat(single("SELECT COUNT(*) FROM audit_entry WHERE action = 'report.reviewed' AND object_id = '" + reportId + "'"))
                .as("'reviewed' in the audit log, once more").isEqualTo(String.valueOf(reviewedBefore + 1));
    }

    /** Runs a script of the project from its root; answers its last line of output. */
    private static String run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        System.out.print(output.lines().map(l -> "[CrashRestartIT] " + command.get(1) + ": " + l + "\n").reduce("", String::concat));
        assertThat(process.exitValue()).as(command + " exit status; output:\n" + output).isZero();
        List<String> lines = output.lines().toList();
        return lines.get(lines.size() - 1);
    }

    /**
     * A segmentation cut off at its commit (the node killed while the report's audit line waits) runs again after the
     * restart and stores its figures once. This was a finding of issue 15 (docs/adr/0016): on the job executor's
     * threads the engine's writes committed on their own, before the JTA commit of the report's figures, so the
     * process had moved on to the review with a report without figures. Camunda's job transactions are now begun as
     * user transactions of the component (ComponentTransactionManager) and the engine and the entities commit together.
     */
    @Test
    @Order(4)
    void aSegmentationCutOffByACrashRunsAgainAfterTheRestartAndStoresItsFiguresOnce() throws Exception {
        // the segmentation: the coordinator accepts a demo delivery waiting for review (Filmtheater De Spiegel's)
        String waiting = single("SELECT d.id FROM delivery d JOIN act_ru_execution e ON e.business_key_ = 'delivery-' || d.id"
                + " JOIN act_ru_task t ON t.proc_inst_id_ = e.id_ AND t.task_def_key_ = 'reviewDelivery'"
                + " WHERE d.status = 'IN_REVIEW' AND d.file_name <> 'api-upload.csv' ORDER BY d.id LIMIT 1");
        assertThat(waiting).as("a demo delivery waiting for the coordinator's review").isNotNull();
        long deliveryId = Long.parseLong(waiting);
        long institution = Long.parseLong(single("SELECT institution_id FROM delivery WHERE id = " + deliveryId));
        int before = Integer.parseInt(single("SELECT COALESCE(MAX(report_version), 0) FROM audience_report WHERE institution_id = " + institution));
        String computedWithoutCrash = single("SELECT figures FROM audience_report WHERE institution_id = " + institution
                + " AND figures IS NOT NULL ORDER BY report_version DESC LIMIT 1");
        assertThat(computedWithoutCrash).as("a report of institution %d computed without a crash (demo data)", institution).isNotNull();
        WebClient coordinator = signedIn(COORDINATOR);
        long reportId;
        try (HeldAuditLine held = HeldAuditLine.hold(portal, "report.computed")) {
            HttpResponse<String> accepted = submit(coordinator, "/delivery/review.xhtml?taskId=" + task("delivery-" + deliveryId, "reviewDelivery"),
                    "review", "review:accept", Map.of("review:comment", ""), false);
            assertThat(accepted.statusCode()).as("the coordinator's accept").isIn(200, 302, 303);
            held.awaitPortalWaiting(Duration.ofMinutes(3));
            reportId = Long.parseLong(single("SELECT id FROM audience_report WHERE institution_id = " + institution
                    + " AND report_version = " + (before + 1)));
            portal.kill();
            held.release();
        }
        assertThat(single("SELECT figures FROM audience_report WHERE id = " + reportId)).as("figures stored by the dead node").isNull();
        portal.restart();
        Instant ready = Instant.now();
        // segmentation: ran again by itself, its figures whole and once
        awaitTrue(() -> single("SELECT computed_at FROM audience_report WHERE id = " + reportId) != null, Duration.ofMinutes(2),
                "report " + reportId + " computed after the restart");
        System.out.printf("[CrashRestartIT] report %d computed %.1f s after the restarted portal was ready%n", reportId,
                Duration.between(ready, Instant.now()).toMillis() / 1000.0);
        assertThat(jsonKeys(single("SELECT figures FROM audience_report WHERE id = " + reportId)))
                .as("every aggregate of a report computed without a crash").isEqualTo(jsonKeys(computedWithoutCrash));
        assertThat(single("SELECT COUNT(*) FROM audit_entry WHERE action = 'report.computed' AND object_id = '" + reportId + "'"))
                .as("'computed' in the audit log").isEqualTo("1");
        assertThat(single("SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_"
                + " WHERE e.business_key_ = 'report-" + reportId + "' AND t.task_def_key_ = 'reviewReport'")).as("the review task, once").isEqualTo("1");
        assertThat(incidentsOf("SELECT process_instance_id FROM audience_report WHERE id = " + reportId)).as("incidents of the report").isZero();
    }

    /**
     * A trigger on the test database's audit_entry that holds the insert of one action until the test lets go
     * (a PostgreSQL advisory lock the test holds): the step that writes it has done its work and waits to commit.
     */
    static final class HeldAuditLine implements AutoCloseable {
        private static final long KEY = 4_215_015L;
        private final PortalServer portal;
        private final Connection holder;
        private boolean released;

        private final String[] actions;

        private HeldAuditLine(PortalServer portal, Connection holder, String[] actions) {
            this.portal = portal;
            this.holder = holder;
            this.actions = actions;
        }

        static HeldAuditLine hold(PortalServer portal, String... actions) throws SQLException {
            Connection holder = portal.openDatabase();
            String arguments = java.util.Arrays.stream(actions).map(a -> "'" + a.replace("'", "''") + "'")
                    .collect(java.util.stream.Collectors.joining(", "));
            try (var s = holder.createStatement()) {
                s.execute("CREATE OR REPLACE FUNCTION it_hold_audit_line() RETURNS trigger LANGUAGE plpgsql AS $$"
                                // the waiting connection names the step in pg_stat_activity, so the test knows which steps wait
                        + " BEGIN IF NEW.action = ANY(TG_ARGV) THEN PERFORM set_config('application_name', 'held:' || NEW.action, true);"
                        + " PERFORM pg_advisory_xact_lock(" + KEY + "); END IF; RETURN NEW; END $$");
                s.execute("DROP TRIGGER IF EXISTS it_hold_audit_line ON audit_entry");
                s.execute("CREATE TRIGGER it_hold_audit_line BEFORE INSERT ON audit_entry FOR EACH ROW"
                        + " EXECUTE FUNCTION it_hold_audit_line(" + arguments + ")");
                s.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            return new HeldAuditLine(portal, holder, actions);
        }

        /** Until a connection of the portal waits at the held line for each of the held actions. */
        void awaitPortalWaiting(Duration timeout) throws Exception {
            awaitTrue(() -> {
                java.util.Set<String> waiting = new java.util.HashSet<>();
                try (var s = holder.createStatement(); ResultSet rs = s.executeQuery("SELECT application_name FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'")) {
                    while (rs.next()) {
                        waiting.add(rs.getString(1));
                    }
                }
                return java.util.Arrays.stream(actions).allMatch(a -> waiting.contains("held:" + a));
            }, timeout, "a portal connection waiting at the held audit line of each of " + java.util.Arrays.toString(actions));
        }

        /** Lets the waiting insert go on (its node is dead: its transaction cannot commit) and removes the trigger. */
        void release() throws SQLException {
            if (released) {
                return;
            }
            released = true;
            try (var s = holder.createStatement()) {
                // unlock first: a waiting insert holds its lock on audit_entry, which DROP TRIGGER would wait for
                s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
                s.execute("DROP TRIGGER IF EXISTS it_hold_audit_line ON audit_entry");
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                release();
            } finally {
                holder.close();
            }
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void awaitTrue(Check check, Duration timeout, String what) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + timeout + ": " + what);
    }

    private static WebClient signedIn(String email) {
        WebClient client = new WebClient(portal);
        assertThat(client.login(email, PASSWORD)).as("sign-in of " + email).isIn(200, 302, 303);
        return client;
    }

    private static final java.util.regex.Pattern VIEW_STATE =
            java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    /** Opens a page and submits one of its forms with a button, as the browser does (PrimeFaces' Ajax request when {@code ajax}). */
    private static HttpResponse<String> submit(WebClient client, String page, String form, String button, Map<String, String> fields,
            boolean ajax) {
        HttpResponse<String> opened = client.get(page);
        assertThat(opened.statusCode()).as("open " + page).isEqualTo(200);
        java.util.regex.Matcher m = VIEW_STATE.matcher(opened.body());
        assertThat(m.find()).as("a form on " + page).isTrue();
        Map<String, String> post = new java.util.LinkedHashMap<>();
        post.put(form, form);
        post.putAll(fields);
        post.put(button, ajax ? button : "");
        post.put("jakarta.faces.ViewState", m.group(1));
        if (ajax) {
            post.put("jakarta.faces.partial.ajax", "true");
            post.put("jakarta.faces.source", button);
            post.put("jakarta.faces.partial.execute", form);
            post.put("jakarta.faces.partial.render", form);
        }
        return client.post(page, post);
    }

    private static String task(String businessKey, String taskKey) throws SQLException {
        return single("SELECT t.id_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = '"
                + businessKey + "' AND t.task_def_key_ = '" + taskKey + "'");
    }

    private static String taskOf(String processInstanceId, String taskKey) throws SQLException {
        return single("SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = '" + processInstanceId + "' AND task_def_key_ = '" + taskKey + "'");
    }

    private static long incidentsOf(String processInstanceQuery) throws SQLException {
        return Long.parseLong(single("SELECT COUNT(*) FROM act_ru_incident WHERE proc_inst_id_ IN (" + processInstanceQuery + ")"));
    }

    private static String single(String sql) throws SQLException {
        try (Connection db = portal.openDatabase(); PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Set<String> jsonKeys(String json) {
        return DeliveryApiPolling.json(json).keySet();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
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
                        System.out.printf("[CrashRestartIT] delivery %d validating, %d rows done%n", id, rs.getLong(2));
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("delivery " + id + " showed no validation progress within 2 minutes");
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
}
