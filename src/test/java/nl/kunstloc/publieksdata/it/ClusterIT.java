package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kunstloc.publieksdata.delivery.bench.ExportGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two portal nodes on one PostgreSQL database, clustered through Payara's Hazelcast (docs/operations.md,
 * "Several nodes"). Node A runs a validation and a segmentation and has a signed-in coordinator; it is killed
 * (kill -9) and not started again. Node B then shows that nothing was lost: the coordinator's session goes on
 * (a page that needs signing in, and a click on a page opened on A), B takes over A's locked jobs soon (not after
 * Camunda's five-minute lock), the delivery is read from the shared upload folder with every row once, one
 * "validated" in the audit log, one report draft, every process at its end state with its task.
 */
class ClusterIT {

    static final int PORT_A = Integer.getInteger("it.cluster.port.a", 18480);
    static final int PORT_B = Integer.getInteger("it.cluster.port.b", 18481);
    static final int SMTP_A = Integer.getInteger("it.cluster.mail.smtp.a", 13425);
    static final int SMTP_B = Integer.getInteger("it.cluster.mail.smtp.b", 13426);
    static final int IMAP_A = Integer.getInteger("it.cluster.mail.imap.a", 13543);
    static final int IMAP_B = Integer.getInteger("it.cluster.mail.imap.b", 13544);
    /** Hazelcast ports of the two nodes (each takes the next free one from its start port). */
    static final int HZ_A = Integer.getInteger("it.cluster.hz.a", 5910);
    static final int HZ_B = Integer.getInteger("it.cluster.hz.b", 5911);
    static final String NODE_A = "cluster-a";
    static final String NODE_B = "cluster-b";
    /** Big enough that validation takes several seconds on a busy machine, so the kill falls in the middle of it. */
    static final long ROWS = Long.getLong("it.cluster.rows", 1_000_000);
    static final String DOMMEL_TOKEN = "pd_demo_dommel_7c1e0b5a9f4d4b8e";
    static final String COORDINATOR = "coordinator@kunstloc.nl";
    static final String MEMBER = "marketing@dommeltheater.nl";
    static final String PASSWORD = "demo-2026!";
    static final Duration LOCK_TIME = Duration.ofMinutes(5);
    static final Set<String> VALIDATED = Set.of("IN_REVIEW", "NEEDS_ATTENTION");
    static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static PortalServer a;
    static PortalServer b;
    /** B while it starts (beside A's first validation); stopped in the clean-up even when the test failed first. */
    static CompletableFuture<PortalServer> startingB;
    static Path export;
    /**
     * The second delivery's export, twice as long: its validation must still run when the segmentation of the first
     * (started after it) has been taken, so that one kill falls in both.
     */
    static Path longExport;
    static long longFileLines;
    static Path sharedUploads;
    /** The lines of the export after its header: order lines, repeated lines, the total row. */
    static long fileLines;

    @BeforeAll
    static void bigExport() throws IOException {
        export = generated(ROWS);
        fileLines = linesAfterHeader(export);
        longExport = generated(2 * ROWS);
        longFileLines = linesAfterHeader(longExport);
        // one folder for both nodes, as a shared volume is in docker/compose.cluster.yml (ADR 15)
        sharedUploads = Path.of("target", "it-cluster-uploads").toAbsolutePath();
        Files.createDirectories(sharedUploads);
    }

    static Path generated(long rows) throws IOException {
        Path file = Path.of("target", "it-cluster-export-" + rows + ".csv");
        if (!Files.exists(file)) {
            Path part = Path.of(file + ".part");
            new ExportGenerator(42).write(part, rows);
            Files.move(part, file);
        }
        return file;
    }

    static long linesAfterHeader(Path file) throws IOException {
        try (var lines = Files.lines(file, java.nio.charset.Charset.forName("windows-1252"))) {
            return lines.count() - 1;
        }
    }

    @AfterAll
    static void stopNodes() {
        if (b == null && startingB != null) {
            try {
                b = startingB.join();
            } catch (RuntimeException e) {
                System.out.println("[ClusterIT] B did not start: " + e);
            }
        }
        // B last, and only B drops the database (A is dead by then, or back as the web node, or stopped first)
        if (a != null) {
            if (b != null) {
                a.stopKeepingDatabase();
            } else {
                a.stop();
            }
        }
        if (b != null) {
            b.stop();
        }
    }

    static PortalServer startNode(String node, int port, int smtp, int imap, int hzPort, PortalServer sameDatabaseAs,
            List<String> extraJavaOptions) {
        String members = "127.0.0.1:" + HZ_A + ",127.0.0.1:" + HZ_B;
        // PortalServer's -Xmx512m, the Dockerfile's heap: B takes over a 2M-row validation and a 1M-row segmentation at
        // once, which ran out of it before large jobs ran one at a time per node and streamed (docs/performance.md, "Cluster")
        List<String> java = new ArrayList<>(List.of("-Dpublieksdata.node-name=" + node,
                "-Dpublieksdata.delivery.upload-dir=" + sharedUploads));
        java.addAll(extraJavaOptions);
        return PortalServer.startNode(node, port, smtp, imap, sameDatabaseAs, java,
                List.of("--clustermode", "tcpip:" + members, "--startport", String.valueOf(hzPort),
                        "--clustername", "publieksdata-it-" + ProcessHandle.current().pid(),
                        "--interfaces", "127.0.0.1",
                        // two nodes on one host: without this Hazelcast keeps no backup of A's sessions on B
                        "--nohostaware"));
    }

    @Test
    void whenNodeADiesNodeBCarriesOnWithItsSessionsAndJobs() throws Exception {
        a = startNode(NODE_A, PORT_A, SMTP_A, IMAP_A, HZ_A, null, List.of());
        // B starts while A validates the first delivery; B's job executor waits long between idle polls, so that
        // the jobs the test starts on A (A's executor is told at once) run on A, where the kill falls. B takes A's
        // jobs over through the heartbeat release, which tells B's executor at once, not through its polling.
        startingB = CompletableFuture.supplyAsync(() -> startNode(NODE_B, PORT_B, SMTP_B,
                IMAP_B, HZ_B, a, List.of("-Dpublieksdata.workflow.job-max-wait-ms=60000")));
        long first = upload(a, export);
        JsonObject firstReport = DeliveryApiPolling.awaitValidated(a, first, Duration.ofMinutes(4), "");
        if ("NEEDS_ATTENTION".equals(firstReport.getString("status"))) {
            // the generated export has broken postcodes: the institution sends the rows that passed on to review
            WebClient member = new WebClient(a);
            assertThat(member.login(MEMBER, PASSWORD)).as("sign-in of %s on A", MEMBER).isEqualTo(302);
            String problems = "/delivery/problems.xhtml?taskId=" + taskOf(first, "resolveValidationProblems");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("accept", "accept");
            form.put("accept:acceptRows", "");
            form.put("jakarta.faces.ViewState", viewState(member.get(problems).body()));
            HttpResponse<String> passed = member.post(problems, form);
            assertThat(passed.statusCode()).as("accepting the passing rows of delivery %d: %s", first, passed.body()).isEqualTo(302);
        }
        assertThat(status(first)).as("delivery %d", first).isEqualTo("IN_REVIEW");
        b = startingB.join();
        assertThat(clusterMembers(b)).as("B's log: the two nodes formed one Hazelcast cluster").isEqualTo(2);
        timersFireOnceInTheCluster();

        // the coordinator signs in on A and opens a delivery of the demo data to review (a page with view state)
        WebClient onA = new WebClient(a);
        assertThat(onA.login(COORDINATOR, PASSWORD)).as("sign-in answer on A").isEqualTo(302);
        String displayName = displayName(COORDINATOR);
        assertThat(onA.get("/tasks/inbox.xhtml").body()).contains("id=\"current-user\">" + displayName + "</span>");
        String demoReviewTask = reviewTaskOfAnotherInstitutionThan(first);
        assertThat(demoReviewTask).as("a delivery of the demo data waiting for the coordinator's review").isNotNull();
        HttpResponse<String> demoReviewPage = onA.get("/delivery/review.xhtml?taskId=" + demoReviewTask);
        assertThat(demoReviewPage.statusCode()).isEqualTo(200);
        String demoReviewViewState = viewState(demoReviewPage.body());

        // A validates a second delivery and, when the coordinator accepts the first one, segments it
        long second = upload(a, longExport);
        awaitProgress(a, second);
        // the kill must fall in the middle of this validation however fast the machine: the test holds the delivery's
        // row, so the validation waits at its next progress report until A is dead (PostgreSQL then lets B have it)
        Connection holdValidation = a.openDatabase();
        holdValidation.setAutoCommit(false);
        try (var hold = holdValidation.prepareStatement("SELECT id FROM delivery WHERE id = ? FOR UPDATE")) {
            hold.setLong(1, second);
            hold.executeQuery().close();
        }
        long reportsBefore = maxReportId();
        HttpResponse<String> reviewPage = onA.get("/delivery/review.xhtml?taskId=" + reviewTaskOf(first));
        HttpResponse<String> accepted = onA.post("/delivery/review.xhtml?taskId=" + reviewTaskOf(first),
                reviewForm(viewState(reviewPage.body())));
        assertThat(accepted.statusCode()).as("accepting delivery %d on A: %s", first, accepted.body()).isEqualTo(302);
        String segmentation = awaitSegmentationLockedBy(NODE_A);

        Instant killedAt = Instant.now();
        a.kill();
        String reportProcess = processOfJob(segmentation);

        assertThat(status(second)).as("the kill fell in the middle of delivery %d's validation (else more rows:"
                + " -Dit.cluster.rows)", second).isEqualTo("VALIDATING");
        assertThat(lockOf(jobOfProcess(processOf(second)))).as("the validation job, locked by dead A").isEqualTo(NODE_A);
        assertThat(lockOf(segmentation)).as("the segmentation job, taken by A and not finished").isEqualTo(NODE_A);
        holdValidation.rollback();
        holdValidation.close();
        System.out.printf("[ClusterIT] killed A at %s mid-validation of delivery %d and mid-segmentation (job %s)%n",
                killedAt, second, segmentation);

        // the coordinator's session goes on on B: a page that needs signing in, and a click on the page opened on A
        WebClient onB = onA.sameSessionOn(b);
        HttpResponse<String> inboxOnB = onB.get("/tasks/inbox.xhtml");
        assertThat(inboxOnB.statusCode()).as("the inbox on B with A's session cookie").isEqualTo(200);
        assertThat(inboxOnB.body()).as("signed in on B as on A, not the login page")
                .contains("id=\"current-user\">" + displayName + "</span>").doesNotContain("login:password");
        HttpResponse<String> demoAccepted = onB.post("/delivery/review.xhtml?taskId=" + demoReviewTask,
                reviewForm(demoReviewViewState));
        assertThat(demoAccepted.statusCode()).as("'Accept' on B on the review page opened on A: %s", demoAccepted.body())
                .isEqualTo(302);
        assertThat(demoAccepted.headers().firstValue("Location").orElse("")).contains("/tasks/inbox.xhtml");
        assertThat(taskExists(demoReviewTask)).as("the demo review task was completed on B").isFalse();

        // B takes over A's jobs: soon, not when A's locks expire
        Instant takenOver = awaitLocksReleasedFrom(NODE_A, Duration.ofMinutes(2));
        Duration takeover = Duration.between(killedAt, takenOver);
        JsonObject secondReport = DeliveryApiPolling.awaitValidated(b, second, Duration.ofMinutes(3), "");
        Duration revalidated = Duration.between(killedAt, Instant.now());
        awaitJobsDone(processOf(second), Duration.ofMinutes(1));
        awaitJobsDone(reportProcess, Duration.ofMinutes(2));
        System.out.printf("[ClusterIT] B released A's locks %.1f s after the kill; delivery %d %s %.1f s after the kill: %s%n",
                takeover.toMillis() / 1000.0, second, secondReport.getString("status"), revalidated.toMillis() / 1000.0,
                secondReport.getJsonObject("rows"));
        assertThat(takeover).as("A's jobs free soon, not when its lock expires (%s)", LOCK_TIME).isLessThan(Duration.ofMinutes(2));

        try (Connection db = b.openDatabase()) {
            for (long id : List.of(first, second)) {
                JsonObject rows = (id == first ? firstReport : secondReport).getJsonObject("rows");
                long read = rows.getJsonNumber("read").longValue();
                long acceptedRows = rows.getJsonNumber("accepted").longValue();
                assertThat(read).as("delivery %d: every line of the file read, once", id)
                        .isEqualTo(id == first ? fileLines : longFileLines);
                assertThat(read).as("delivery %d: read = accepted + rejected + skipped", id).isEqualTo(acceptedRows
                        + rows.getJsonNumber("rejected").longValue() + rows.getJsonNumber("skipped").longValue());
                assertThat(count(db, "SELECT COUNT(*) FROM delivery_row WHERE delivery_id = ?", id))
                        .as("delivery %d: stored rows", id).isEqualTo(acceptedRows);
                assertThat(count(db, "SELECT COUNT(*) FROM (SELECT line_no FROM delivery_row WHERE delivery_id = ?"
                        + " GROUP BY line_no HAVING COUNT(*) > 1) twice", id)).as("delivery %d: line numbers stored twice", id).isZero();
                assertThat(count(db, "SELECT COUNT(*) FROM audit_entry WHERE action = 'delivery.validated' AND object_id = ?",
                        String.valueOf(id))).as("delivery %d: 'validated' in the audit log", id).isEqualTo(1);
            }
            // every process at its end state, with its task: none lost, none twice
            assertThat(endActivity(db, processOf(first))).as("delivery %d's process", first).isEqualTo("deliveryValidated");
            assertThat(openTasks(db, processOf(second))).as("delivery %d's open tasks", second)
                    .containsExactly("IN_REVIEW".equals(secondReport.getString("status")) ? "reviewDelivery" : "resolveValidationProblems");
            assertThat(openTasks(db, reportProcess)).as("the report process's open tasks after its segmentation")
                    .hasSize(1).doesNotContain("segmentAudience");
            assertThat(count(db, "SELECT COUNT(*) FROM audience_report WHERE id > ? AND institution_id = (SELECT institution_id"
                    + " FROM delivery WHERE id = " + first + ")", reportsBefore)).as("report drafts of delivery %d", first).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM audience_report WHERE process_instance_id = ? AND figures IS NOT NULL",
                    reportProcess)).as("the report draft has its figures").isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM act_ru_incident WHERE proc_inst_id_ IN (?, ?, ?)",
                    List.of(processOf(first), processOf(second), reportProcess))).as("incidents: a crash is no failure").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ = ?", NODE_A))
                    .as("jobs still locked by dead A").isZero();
        }
        assertThat(Files.exists(sharedUploads)).isTrue();
        // the coordinator's inbox on B, still in the session begun on A, lists what waits
        assertThat(onB.get("/tasks/inbox.xhtml").statusCode()).isEqualTo(200);

        // A comes back as a node that runs no jobs (publieksdata.workflow.run-jobs=false): it is ready, serves the
        // session, and a delivery uploaded to it is validated by B, the node that runs jobs
        a = startNode(NODE_A, PORT_A, SMTP_A, IMAP_A, HZ_A, b, List.of("-Dpublieksdata.workflow.run-jobs=false"));
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(a.url("/health/ready"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as("the web node's readiness: %s", ready.body()).isEqualTo(200);
        assertThat(ready.body()).as("the web node's readiness").containsPattern("\"jobs\"\\s*:\\s*\"other nodes\"");
        assertThat(onB.sameSessionOn(a).get("/tasks/inbox.xhtml").body()).as("the session on the web node")
                .contains("id=\"current-user\">" + displayName + "</span>");
        long onWebNode = upload(a, generated(2_000));
        JsonObject validatedByB = DeliveryApiPolling.awaitValidated(a, onWebNode, Duration.ofMinutes(3), "");
        // the node that validates logs the delivery's counts ("delivery 963: 2,000 rows read, ...")
        String validatedLine = "delivery " + onWebNode + ": ";
        assertThat(portalLog(NODE_B)).as("B validated the web node's upload").contains(validatedLine);
        assertThat(portalLog(NODE_A)).as("the web node's log").contains("This node runs no workflow jobs")
                .doesNotContain(validatedLine);
        System.out.printf("[ClusterIT] delivery %d uploaded to web node A, validated by B: %s%n", onWebNode, validatedByB.getString("status"));
    }

    // ----- the steps

    private static long upload(PortalServer node, Path export) throws IOException, InterruptedException {
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/deliveries")))
                .header("Authorization", "Bearer " + DOMMEL_TOKEN).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofFile(export)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        return DeliveryApiPolling.json(posted.body()).getJsonNumber("id").longValue();
    }

    private static Map<String, String> reviewForm(String viewState) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("review", "review");
        form.put("review:comment", "");
        form.put("review:accept", "");
        form.put("jakarta.faces.ViewState", viewState);
        return form;
    }

    private static String viewState(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        assertThat(m.find()).as("a view state on the page").isTrue();
        return m.group(1);
    }

    /** The reminders that only send a mail (non-interrupting): firing them early changes no step of the demo. */
    static final List<String> REMINDER_TIMERS = List.of("approvalReminderDue", "signReminderDue", "profileReminderDue");

    /**
     * Timers fire once (issue 15): the demo's waiting reminder timers are made due now, while both nodes poll for
     * jobs; each must run exactly once in the cluster — one successful execution in the engine's job log, no
     * failed one (a second node taking it too would fail on its revision, or succeed twice), and the reminder
     * step once more in the process history.
     */
    private static void timersFireOnceInTheCluster() throws SQLException, InterruptedException {
        String reminders = REMINDER_TIMERS.stream().map(t -> "'" + t + "'").collect(java.util.stream.Collectors.joining(","));
        List<String[]> timers = new ArrayList<>();
        try (Connection db = a.openDatabase()) {
            try (PreparedStatement q = db.prepareStatement("SELECT j.id_, j.process_instance_id_, d.act_id_ FROM act_ru_job j "
                    + "JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ WHERE j.type_ = 'timer' AND d.act_id_ IN (" + reminders + ")");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    timers.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            assertThat(timers).as("the demo's waiting reminder timers").hasSizeGreaterThanOrEqualTo(3);
            Map<String, Long> firedBefore = new LinkedHashMap<>();
            for (String[] t : timers) {
                firedBefore.put(t[0], count(db, "SELECT COUNT(*) FROM act_hi_actinst WHERE proc_inst_id_ = ? AND act_id_ = ?",
                        List.of(t[1], t[2])));
            }
            List<String> ids = timers.stream().map(t -> t[0]).toList();
            String in = ids.stream().map(id -> "?").collect(java.util.stream.Collectors.joining(","));
            try (PreparedStatement due = db.prepareStatement("UPDATE act_ru_job SET duedate_ = CURRENT_TIMESTAMP - INTERVAL '1 minute' "
                    + "WHERE id_ IN (" + in + ")")) {
                for (int i = 0; i < ids.size(); i++) {
                    due.setString(i + 1, ids.get(i));
                }
                due.executeUpdate();
            }
            // B polls at least once a minute, A every 5 s when idle
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (count(db, "SELECT COUNT(*) FROM act_ru_job WHERE id_ IN (" + in + ")", ids) > 0) {
                assertThat(Instant.now()).as("the due reminder timers have run within 90 s").isBefore(deadline);
                Thread.sleep(250);
            }
            for (String[] t : timers) {
                assertThat(count(db, "SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2", t[0]))
                        .as("successful runs of timer %s (%s)", t[0], t[2]).isEqualTo(1);
                assertThat(count(db, "SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 1", t[0]))
                        .as("failed runs of timer %s (%s)", t[0], t[2]).isZero();
                assertThat(count(db, "SELECT COUNT(*) FROM act_hi_actinst WHERE proc_inst_id_ = ? AND act_id_ = ?", List.of(t[1], t[2])))
                        .as("%s fired in process %s", t[2], t[1]).isEqualTo(firedBefore.get(t[0]) + 1);
            }
            System.out.printf("[ClusterIT] %d reminder timers made due fired once each%n", timers.size());
        }
    }

    private static String portalLog(String node) throws IOException {
        return Files.readString(Path.of("target", "it-portal-" + node, "portal.log"), StandardCharsets.ISO_8859_1);
    }

    /** The size of the data grid (Hazelcast cluster) in the last "Data Grid Status" B logged. */
    private static int clusterMembers(PortalServer node) throws IOException {
        String log = Files.readString(Path.of("target", "it-portal-" + NODE_B, "portal.log"), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("DG Size: (\\d+)").matcher(log);
        int members = 0;
        while (m.find()) {
            members = Integer.parseInt(m.group(1));
        }
        return members;
    }

    private static void awaitProgress(PortalServer node, long id) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        try (Connection db = node.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT status, progress_rows FROM delivery WHERE id = ?")) {
            q.setLong(1, id);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if ("VALIDATING".equals(rs.getString(1)) && rs.getLong(2) > 0) {
                        return;
                    }
                    assertThat(rs.getString(1)).as("delivery %d while waiting for validation progress", id).isIn("UPLOADED", "VALIDATING");
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("delivery " + id + " showed no validation progress within 2 minutes");
    }

    /** The segmentation job of the report process the acceptance started, once the node has taken it. */
    private static String awaitSegmentationLockedBy(String node) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        try (Connection db = a.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT j.id_, j.lock_owner_ FROM act_ru_job j"
                     + " JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_"
                     + " WHERE d.act_id_ = 'segmentAudience' AND j.lock_owner_ IS NOT NULL")) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        assertThat(rs.getString(2)).as("the node that took the segmentation").isEqualTo(node);
                        return rs.getString(1);
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no segmentation job was taken within a minute of accepting the delivery");
    }

    /** When no job is locked by the dead node any more (B released them, or ran them under its own name). */
    private static Instant awaitLocksReleasedFrom(String node, Duration timeout) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try (Connection db = b.openDatabase()) {
            while (Instant.now().isBefore(deadline)) {
                if (count(db, "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ = ?", node) == 0) {
                    return Instant.now();
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("jobs still locked by " + node + " " + timeout + " after it died");
    }

    private static void awaitJobsDone(String processInstance, Duration timeout) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try (Connection db = b.openDatabase()) {
            while (Instant.now().isBefore(deadline)) {
                if (count(db, "SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ = ? AND type_ = 'message'",
                        processInstance) == 0) {
                    return;
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("process " + processInstance + " still has asynchronous steps to run " + timeout + " later");
    }

    // ----- what the database says

    private static String processOf(long deliveryId) throws SQLException {
        return string("SELECT process_instance_id FROM delivery WHERE id = ?", deliveryId);
    }

    private static String reviewTaskOf(long deliveryId) throws SQLException {
        return taskOf(deliveryId, "reviewDelivery");
    }

    private static String taskOf(long deliveryId, String taskKey) throws SQLException {
        try (Connection db = a.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT id_ FROM act_ru_task WHERE task_def_key_ = ? AND proc_inst_id_ = ?")) {
            q.setString(1, taskKey);
            q.setString(2, processOf(deliveryId));
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("task %s of delivery %d", taskKey, deliveryId).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** A delivery review waiting in the demo data, of another institution (its report is not this test's). */
    private static String reviewTaskOfAnotherInstitutionThan(long deliveryId) throws SQLException {
        return string("SELECT MIN(t.id_) FROM act_ru_task t JOIN delivery d ON d.process_instance_id = t.proc_inst_id_"
                + " WHERE t.task_def_key_ = 'reviewDelivery' AND d.institution_id <> (SELECT institution_id FROM delivery"
                + " WHERE id = ?)", deliveryId);
    }

    private static String displayName(String username) throws SQLException {
        return string("SELECT display_name FROM app_user WHERE username = ?", username);
    }

    private static String status(long id) throws SQLException {
        return string("SELECT status FROM delivery WHERE id = ?", id);
    }

    private static String jobOfProcess(String processInstance) throws SQLException {
        return string("SELECT id_ FROM act_ru_job WHERE process_instance_id_ = ? AND type_ = 'message'", processInstance);
    }

    private static String processOfJob(String job) throws SQLException {
        String process = string("SELECT process_instance_id_ FROM act_ru_job WHERE id_ = ?", job);
        return process != null ? process : string("SELECT process_instance_id_ FROM act_hi_job_log WHERE job_id_ = ? LIMIT 1", job);
    }

    private static String lockOf(String job) throws SQLException {
        return string("SELECT lock_owner_ FROM act_ru_job WHERE id_ = ?", job);
    }

    private static boolean taskExists(String task) throws SQLException {
        return string("SELECT id_ FROM act_ru_task WHERE id_ = ?", task) != null;
    }

    private static long maxReportId() throws SQLException {
        try (Connection db = a.openDatabase()) {
            return count(db, "SELECT COALESCE(MAX(id), 0) FROM audience_report", List.of());
        }
    }

    private static String endActivity(Connection db, String processInstance) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT end_act_id_ FROM act_hi_procinst WHERE id_ = ?")) {
            q.setString(1, processInstance);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<String> openTasks(Connection db, String processInstance) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT task_def_key_ FROM act_ru_task WHERE proc_inst_id_ = ? ORDER BY task_def_key_")) {
            q.setString(1, processInstance);
            List<String> tasks = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tasks.add(rs.getString(1));
                }
            }
            return tasks;
        }
    }

    private static String string(String sql, Object parameter) throws SQLException {
        try (Connection db = (b != null ? b : a).openDatabase(); PreparedStatement q = db.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(Connection db, String sql, Object parameters) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            List<?> values = parameters instanceof List<?> list ? list : List.of(parameters);
            for (int i = 0; i < values.size(); i++) {
                q.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
