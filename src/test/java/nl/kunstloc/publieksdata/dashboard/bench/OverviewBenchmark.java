package nl.kunstloc.publieksdata.dashboard.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import nl.kunstloc.publieksdata.it.PortalServer;
import nl.kunstloc.publieksdata.it.WebClient;

/**
 * The overview benchmark (not a test; issue 14): how long the coordinator's pilot overview takes on the server
 * with 50 institutions and 200 process instances. Starts a portal of its own (the built target/ROOT.war, demo
 * data, PostgreSQL when it answers) on loopback, port {@code bench.port} (19580), whose demo data is topped up to
 * that volume through the real onboarding and session processes (environment variables
 * {@code PUBLIEKSDATA_DEMO_BENCH_INSTITUTIONS} / {@code _PROCESSES}, which the portal inherits; set by the bench
 * profile). Signs in as the coordinator, opens the overview {@code bench.warmup} times (10) to warm up, then
 * {@code bench.requests} times (30) one after another, and prints the median, 90th percentile and slowest answer
 * time, with the volume counted in the database. On loopback the answer time is the server's time plus well under
 * a millisecond. Also times the drill-down page and the Excel export once warm.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.delivery.skip=true -Dbench.signin.skip=true} (only this one).
 */
public final class OverviewBenchmark {

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("bench.port", 19580);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int requests = Integer.getInteger("bench.requests", 30);
        String institutionsAsked = System.getenv().getOrDefault("PUBLIEKSDATA_DEMO_BENCH_INSTITUTIONS", "0");
        if ("0".equals(institutionsAsked)) {
            System.out.println("PUBLIEKSDATA_DEMO_BENCH_INSTITUTIONS is not set: the portal holds the plain demo data");
        }
        PortalServer portal = PortalServer.startOwn("overview-bench", port,
                Integer.getInteger("bench.smtp", 14625), Integer.getInteger("bench.imap", 14743));
        try {
            run(portal, warmup, requests);
        } finally {
            portal.stop();
        }
    }

    static void run(PortalServer portal, int warmup, int requests) throws Exception {
        long institutions;
        long processes;
        long running;
        long tasks;
        try (Connection db = portal.openDatabase(); Statement s = db.createStatement()) {
            institutions = count(s, "SELECT COUNT(*) FROM institution");
            processes = count(s, "SELECT COUNT(*) FROM act_hi_procinst");
            running = count(s, "SELECT COUNT(*) FROM act_hi_procinst WHERE end_time_ IS NULL");
            tasks = count(s, "SELECT COUNT(*) FROM act_ru_task");
        }
        WebClient client = new WebClient(portal);
        if (client.login("coordinator@kunstloc.nl", "demo-2026!") != 302) {
            throw new IllegalStateException("the coordinator could not sign in");
        }
        System.out.printf("%nPilot overview on %s: %d institutions, %d process instances (%d running), %d open tasks%n",
                portal.database(), institutions, processes, running, tasks);
        long first = time(client, "/dashboard/overview.xhtml");
        for (int i = 1; i < warmup; i++) {
            time(client, "/dashboard/overview.xhtml");
        }
        long[] ms = new long[requests];
        for (int i = 0; i < requests; i++) {
            ms[i] = time(client, "/dashboard/overview.xhtml");
        }
        Arrays.sort(ms);
        System.out.printf("/dashboard/overview.xhtml: first %d ms; warm, %d requests: median %d ms, p90 %d ms, slowest %d ms%n",
                first, requests, ms[requests / 2], ms[(int) Math.ceil(requests * 0.9) - 1], ms[requests - 1]);
        long[] drill = new long[5];
        for (int i = 0; i < drill.length; i++) {
            drill[i] = time(client, "/dashboard/institutions.xhtml?stage=INVITED");
        }
        Arrays.sort(drill);
        System.out.printf("/dashboard/institutions.xhtml?stage=INVITED (every institution with its processes): median %d ms%n",
                drill[drill.length / 2]);
        long xlsx = time(client, "/dashboard/overview.xlsx");
        System.out.printf("/dashboard/overview.xlsx: %d ms%n", xlsx);
    }

    private static long time(WebClient client, String path) {
        long start = System.nanoTime();
        HttpResponse<String> response = client.get(path);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return ms;
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
