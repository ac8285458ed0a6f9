package nl.kunstloc.publieksdata.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kunstloc.publieksdata.delivery.bench.ExportGenerator;
import nl.kunstloc.publieksdata.it.PortalServer;

/**
 * The load test of issue 15 (not a test: it prints figures; run {@code mvn -Pload verify}). On a portal of its own
 * (the built WAR, demo data, PostgreSQL when it answers, loopback port {@code load.port} 18680, the run profile's JVM
 * flags), it
 * <ol>
 * <li>uploads one 1M-row export through {@code POST /api/v1/deliveries} alone, twice (the first warms the JIT), and
 * times upload → validated ({@code IN_REVIEW} / {@code NEEDS_ATTENTION});</li>
 * <li>signs in {@code load.users} (50) demo users through the login form (with its Faces view state) and lets them
 * browse inbox, reports and dashboards with a think time of {@code load.think-min-ms}–{@code load.think-max-ms} (1–4 s) between pages,
 * while, after {@code load.upload-after} (40 s) of browsing, two more 1M-row exports are uploaded at once and
 * validated;</li>
 * <li>prints p50/p95/p99 per page group (and per phase: browsing only / during validation / after), the errors,
 * the validation times alone and under load, and the portal's RSS after start and at its highest under load.</li>
 * </ol>
 * Bounded: browsing ends {@code load.after-seconds} (15 s) after the last validation, and never later than
 * {@code load.max-seconds} (420 s); Gatling's {@code maxDuration} stops everything then as well.
 */
public class PortalLoadSimulation extends Simulation {

    static final int PORT = Integer.getInteger("load.port", 18680);
    static final int SMTP = Integer.getInteger("load.smtp", 13825);
    static final int IMAP = Integer.getInteger("load.imap", 13943);
    static final int USERS = Integer.getInteger("load.users", 50);
    static final long ROWS = Long.getLong("load.rows", 1_000_000L);
    static final int UPLOADS = Integer.getInteger("load.uploads", 2);
    static final int UPLOAD_AFTER = Integer.getInteger("load.upload-after", 40);
    static final int MIN_SECONDS = Integer.getInteger("load.min-seconds", 60);
    static final int AFTER_SECONDS = Integer.getInteger("load.after-seconds", 15);
    static final int MAX_SECONDS = Integer.getInteger("load.max-seconds", 420);
    static final int THINK_MIN = Integer.getInteger("load.think-min-ms", 1000);
    static final int THINK_MAX = Integer.getInteger("load.think-max-ms", 4000);
    static final String PASSWORD = "demo-2026!";
    static final String DOMMEL_TOKEN = System.getProperty("load.token", "pd_demo_dommel_7c1e0b5a9f4d4b8e");
    static final Set<String> VALIDATED = Set.of("IN_REVIEW", "NEEDS_ATTENTION", "VALIDATED");
    static final Set<String> FAILED = Set.of("REJECTED", "STOPPED");
    static final String VIEW_STATE = "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"";
    static final Path WORK = Path.of("target", "load");

    static PortalServer portal;
    static final List<Path> EXPORTS = new ArrayList<>();
    static final List<Double> ALONE = new ArrayList<>();
    static final ConcurrentLinkedQueue<String> UNDER_LOAD = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Double> UNDER_LOAD_SECONDS = new ConcurrentLinkedQueue<>();
    static final AtomicLong RSS_MAX = new AtomicLong();
    static long rssAfterStart;
    static volatile long lastValidatedAt;
    static volatile long browsingStart;
    static Thread rssSampler;

    static {
        try {
            prepare();
        } catch (Exception e) {
            if (portal != null) {
                portal.stop();
            }
            throw new IllegalStateException("The load test could not prepare its portal: " + e.getMessage(), e);
        }
    }

    /** Exports, portal, and the validation time alone: before Gatling builds the scenarios. */
    static void prepare() throws Exception {
        Files.createDirectories(WORK);
        for (int i = 0; i < 2 + UPLOADS; i++) {
            Path export = WORK.resolve("export-" + ROWS + "-seed" + (41 + i) + ".csv");
            if (!Files.exists(export)) {
                Path part = Path.of(export + ".part");
                long t0 = System.nanoTime();
                new ExportGenerator(41 + i).write(part, ROWS);
                Files.move(part, export);
                LoadFigures.line(String.format("generated %s (%,d MB) in %.1f s", export, Files.size(export) >> 20,
                        (System.nanoTime() - t0) / 1e9));
            }
            EXPORTS.add(export.toAbsolutePath());
        }
        long t0 = System.nanoTime();
        portal = PortalServer.startOwn("load", PORT, SMTP, IMAP);
        LoadFigures.line(String.format("portal on %s with %s ready after %.1f s (JVM flags: %s)", portal.baseUrl(),
                portal.database(), (System.nanoTime() - t0) / 1e9, System.getProperty("portal.jvmArgs", "PortalServer's")));
        rssAfterStart = rssMb();
        LoadFigures.line("portal RSS right after start: " + rssAfterStart + " MB");
        rssSampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                RSS_MAX.accumulateAndGet(rssMb(), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        rssSampler.setDaemon(true);
        for (int i = 0; i < 2; i++) {
            double seconds = validateAlone(EXPORTS.get(i));
            ALONE.add(seconds);
            LoadFigures.line(String.format("validation alone, run %d%s: %.1f s", i + 1, i == 0 ? " (cold JIT)" : "", seconds));
        }
        rssSampler.start();
    }

    /** Seconds from the upload's 202 to a validated status, no other traffic. */
    static double validateAlone(Path export) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(portal.url("/api/v1/deliveries")))
                .header("Authorization", "Bearer " + DOMMEL_TOKEN).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofFile(export)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + posted.statusCode() + ": " + posted.body());
        }
        long t0 = System.nanoTime();
        String id = field(posted.body(), "id");
        long deadline = t0 + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            String body = client.send(HttpRequest.newBuilder(URI.create(portal.url("/api/v1/deliveries/" + id)))
                    .header("Authorization", "Bearer " + DOMMEL_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            String status = field(body, "status");
            if (VALIDATED.contains(status)) {
                return (System.nanoTime() - t0) / 1e9;
            }
            if (FAILED.contains(status)) {
                throw new IllegalStateException("delivery " + id + " ended " + status + ": " + body);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("delivery " + id + " not validated within 10 minutes");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** The portal's CPU time so far (user + system), in ms, from /proc (Linux); 0 elsewhere. */
    static long cpuMs() {
        long pid = portal == null ? -1 : portal.pid();
        if (pid < 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // clock ticks of 10 ms
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long rssMb() {
        long pid = portal == null ? -1 : portal.pid();
        if (pid < 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not on Linux, or gone
        }
        return 0;
    }

    // ---- the users ----

    // loopback only: no warm-up request (Gatling's default sends one to its own web site), every request to the portal
    final HttpProtocolBuilder httpProtocol = http.baseUrl("http://127.0.0.1:" + PORT)
            .disableWarmUp()
            .disableFollowRedirect()
            .acceptHeader("text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("nl-NL,nl;q=0.9")
            .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) PortalLoadSimulation");

    static ChainBuilder signIn() {
        return exec(http("sign-in page").get("/login.xhtml").check(status().is(200), regex(VIEW_STATE).saveAs("viewState")))
                .exec(http("sign-in").post("/login.xhtml")
                        .formParam("login", "login")
                        .formParam("login:username", "#{user}")
                        .formParam("login:password", PASSWORD)
                        .formParam("login:submit", "")
                        .formParam("jakarta.faces.ViewState", "#{viewState}")
                        .check(status().is(302)))
                .exitHereIfFailed();
    }

    /** One page view: answer 200, not the sign-in form; the time and the outcome go to {@link LoadFigures}. */
    static ChainBuilder page(String group, String request, String path) {
        return exec(http(request).get(path)
                .check(responseTimeInMillis().saveAs("rt"), status().saveAs("st"),
                        substring("login:password").notExists()))
                .exec(session -> {
                    Integer rt = session.contains("rt") ? session.getInt("rt") : null;
                    int st = session.contains("st") ? session.getInt("st") : 0;
                    boolean ok = !session.isFailed() && st == 200;
                    LoadFigures.page(group, request, LoadFigures.phase(UPLOADS), rt, ok,
                            "status " + st + (session.isFailed() ? " (or the sign-in form)" : "") + " for " + session.getString("user"));
                    return session.remove("rt").remove("st").markAsSucceeded();
                })
                .pause(Duration.ofMillis(THINK_MIN), Duration.ofMillis(THINK_MAX));
    }

    /** Browse until the validations are done (plus a little), within the bounds. */
    static boolean keepBrowsing(Session session) {
        long now = System.nanoTime();
        long elapsed = (now - browsingStart) / 1_000_000_000L;
        if (elapsed >= MAX_SECONDS) {
            return false;
        }
        if (LoadFigures.UPLOADS_DONE.get() < UPLOADS) {
            return true;
        }
        return elapsed < MIN_SECONDS || (now - lastValidatedAt) / 1_000_000_000L < AFTER_SECONDS;
    }

    static ScenarioBuilder browsing(String name, List<String> users, ChainBuilder round) {
        List<Map<String, Object>> feed = users.stream().map(u -> Map.<String, Object>of("user", u)).toList();
        return scenario(name).feed(listFeeder(feed).circular())
                .exec(signIn())
                .exec(session -> {
                    if (SIGNED_IN.incrementAndGet() == USERS) {
                        cpuAtAllSignedIn = cpuMs();
                        pagesAtAllSignedIn = LoadFigures.pages();
                        allSignedInAt = System.nanoTime();
                    }
                    return session;
                })
                .pause(Duration.ofMillis(THINK_MIN), Duration.ofMillis(THINK_MAX))
                .asLongAs(PortalLoadSimulation::keepBrowsing).on(round);
    }

    // coordinators: inbox, the pilot overview, the reports
    final ScenarioBuilder coordinators = browsing("coordinator", List.of("coordinator@kunstloc.nl"),
            exec(page("inbox", "inbox", "/tasks/inbox.xhtml"))
                    .exec(page("dashboards", "pilot overview", "/dashboard/overview.xhtml"))
                    .exec(page("reports", "reports list", "/report/reports.xhtml")));

    // institutions' people: inbox, their reports, the newest report itself (tables, charts, map data, peer benchmark)
    final ScenarioBuilder institutions = browsing("institution",
            List.of("marketing@dommeltheater.nl", "directie@dommeltheater.nl", "programma@filmtheaterdespiegel.nl",
                    "directie@filmtheaterdespiegel.nl"),
            exec(page("inbox", "inbox", "/tasks/inbox.xhtml"))
                    .exec(http("reports list").get("/report/reports.xhtml")
                            .check(responseTimeInMillis().saveAs("rt"), status().saveAs("st"),
                                    regex("report\\.xhtml\\?id=(\\d+)").findRandom().optional().saveAs("reportId")))
                    .exec(session -> {
                        Integer rt = session.contains("rt") ? session.getInt("rt") : null;
                        int st = session.contains("st") ? session.getInt("st") : 0;
                        LoadFigures.page("reports", "reports list", LoadFigures.phase(UPLOADS), rt, !session.isFailed() && st == 200,
                                "status " + st + " for " + session.getString("user"));
                        return session.remove("rt").remove("st").markAsSucceeded();
                    })
                    .pause(Duration.ofMillis(THINK_MIN), Duration.ofMillis(THINK_MAX))
                    .doIf(session -> session.contains("reportId"))
                    .then(page("reports", "report page", "/report/report.xhtml?id=#{reportId}")));

    // policymakers: inbox, the municipality view of Eindhoven (segments reached, index, map)
    final ScenarioBuilder policymakers = browsing("policymaker", List.of("beleid@eindhoven.nl", "beleid@brabant.nl"),
            exec(page("inbox", "inbox", "/tasks/inbox.xhtml"))
                    .exec(page("dashboards", "municipality view", "/dashboard/municipality.xhtml?gm=GM0772")));

    // two 1M-row deliveries of Theater aan de Dommel, uploaded through the API at once, then polled until validated
    final ScenarioBuilder uploads = scenario("upload").feed(listFeeder(
                    EXPORTS.subList(2, 2 + UPLOADS).stream().map(p -> Map.<String, Object>of("file", p.toString())).toList()).queue())
            .exec(session -> {
                if (LoadFigures.UPLOADS_STARTED.incrementAndGet() == 1) {
                    cpuAtFirstUpload = cpuMs();
                    pagesAtFirstUpload = LoadFigures.pages();
                    uploadStartedAt = System.nanoTime();
                }
                return session.set("t0", System.nanoTime()).set("deliveryStatus", "UPLOADED");
            })
            .exec(http("upload 1M rows").post("/api/v1/deliveries")
                    .header("Authorization", "Bearer " + DOMMEL_TOKEN).header("Content-Type", "text/csv")
                    .body(RawFileBody("#{file}"))
                    .requestTimeout(Duration.ofMinutes(5))
                    .check(status().is(202), jsonPath("$.id").saveAs("deliveryId")))
            .exec(session -> session.set("accepted", System.nanoTime()))
            // a slow or failed poll (counted by Gatling) does not end the wait; only a final status or 10 minutes do
            .asLongAs(session -> session.contains("deliveryId") && !VALIDATED.contains(session.getString("deliveryStatus"))
                    && !FAILED.contains(session.getString("deliveryStatus"))
                    && System.nanoTime() - session.getLong("accepted") < Duration.ofMinutes(10).toNanos())
            .on(pause(Duration.ofMillis(250))
                    .exec(http("delivery status").get("/api/v1/deliveries/#{deliveryId}")
                            .header("Authorization", "Bearer " + DOMMEL_TOKEN)
                            .check(status().is(200), jsonPath("$.status").saveAs("deliveryStatus")))
                    .exec(Session::markAsSucceeded))
            .exec(session -> {
                double upload = (session.getLong("accepted") - session.getLong("t0")) / 1e9;
                double validation = (System.nanoTime() - session.getLong("accepted")) / 1e9;
                String status = session.getString("deliveryStatus");
                String text = String.format("delivery %s (%s): upload → 202 %.1f s, 202 → %s %.1f s",
                        session.contains("deliveryId") ? session.getString("deliveryId") : "?",
                        Path.of(session.getString("file")).getFileName(), upload, status, validation);
                UNDER_LOAD.add(text);
                if (VALIDATED.contains(status)) {
                    UNDER_LOAD_SECONDS.add(validation);
                }
                LoadFigures.line("under load: " + text);
                lastValidatedAt = System.nanoTime();
                LoadFigures.UPLOADS_DONE.incrementAndGet();
                return session;
            });

    {
        int coordinatorUsers = Math.max(1, USERS / 5);
        int policymakerUsers = Math.max(1, USERS / 5);
        int institutionUsers = Math.max(1, USERS - coordinatorUsers - policymakerUsers);
        browsingStart = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        Duration ramp = Duration.ofSeconds(Math.max(1, USERS / 5));
        List<PopulationBuilder> populations = List.of(
                coordinators.injectOpen(rampUsers(coordinatorUsers).during(ramp)),
                institutions.injectOpen(rampUsers(institutionUsers).during(ramp)),
                policymakers.injectOpen(rampUsers(policymakerUsers).during(ramp)),
                uploads.injectOpen(nothingFor(Duration.ofSeconds(UPLOAD_AFTER)), atOnceUsers(UPLOADS)));
        LoadFigures.line(String.format("%d users (%d coordinator, %d institution, %d policymaker sessions), think time %d–%d ms; "
                        + "%d uploads of %,d rows after %d s", USERS, coordinatorUsers, institutionUsers, policymakerUsers,
                THINK_MIN, THINK_MAX, UPLOADS, ROWS, UPLOAD_AFTER));
        setUp(populations).protocols(httpProtocol).maxDuration(Duration.ofSeconds(MAX_SECONDS + 60));
    }

    static volatile long cpuAtBrowsingStart;
    static final java.util.concurrent.atomic.AtomicInteger SIGNED_IN = new java.util.concurrent.atomic.AtomicInteger();
    static volatile long cpuAtAllSignedIn = -1;
    static volatile long pagesAtAllSignedIn;
    static volatile long allSignedInAt;
    static volatile long cpuAtFirstUpload = -1;
    static volatile long uploadStartedAt;
    static volatile long pagesAtFirstUpload = -1;

    @Override
    public void before() {
        browsingStart = System.nanoTime();
        cpuAtBrowsingStart = cpuMs();
    }

    @Override
    public void after() {
        rssSampler.interrupt();
        long rssEnd = rssMb();
        try {
            List<String> report = new ArrayList<>();
            report.add("Load test " + Instant.now() + " on " + portal.database() + ", " + USERS + " users, load average "
                    + Files.readString(Path.of("/proc/loadavg")).trim());
            report.addAll(LoadFigures.lines());
            report.add("answer times in ms (Gatling's response time: first byte sent to last byte received):");
            report.addAll(LoadFigures.table());
            double alone = ALONE.size() > 1 ? ALONE.get(1) : ALONE.get(0);
            report.add(String.format("validation alone: %s s (the second, warm, is the reference: %.1f s)", ALONE, alone));
            for (String s : UNDER_LOAD) {
                report.add("validation under load: " + s);
            }
            double worst = UNDER_LOAD_SECONDS.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            report.add(String.format("validation under load / alone: %.2f× (slowest of %d; target ≤ 2×)%s", worst / alone,
                    UNDER_LOAD_SECONDS.size(), UNDER_LOAD_SECONDS.size() < UPLOADS ? " -- NOT ALL VALIDATED" : ""));
            if (cpuAtFirstUpload > 0 && cpuAtAllSignedIn > 0 && pagesAtFirstUpload > pagesAtAllSignedIn) {
                long cpu = cpuAtFirstUpload - cpuAtAllSignedIn;
                long pages = pagesAtFirstUpload - pagesAtAllSignedIn;
                double seconds = (uploadStartedAt - allSignedInAt) / 1e9;
                report.add(String.format("portal CPU while only browsing (%.0f s after all had signed in, before the uploads): "
                        + "%,d ms for %d page views = %.0f ms CPU per page view, %.1f views/s, %.2f cores busy",
                        seconds, cpu, pages, (double) cpu / pages, pages / seconds, cpu / 1000.0 / seconds));
            }
            report.add(String.format("sign-in: %,d ms portal CPU for the first %d sign-ins and pages before all had signed in",
                    cpuAtAllSignedIn - cpuAtBrowsingStart, USERS));
            report.add("portal RSS: " + rssAfterStart + " MB after start, " + RSS_MAX.get() + " MB at most under load, "
                    + rssEnd + " MB at the end (target < 600 MB)");
            System.out.println();
            report.forEach(System.out::println);
            Files.write(WORK.resolve("summary.txt"), report);
            System.out.println("(also in " + WORK.resolve("summary.txt") + "; Gatling's report in target/gatling/)");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            portal.stop();
        }
    }
}
