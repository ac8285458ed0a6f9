package nl.kunstloc.publieksdata.platform.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.kunstloc.publieksdata.it.PortalServer;
import nl.kunstloc.publieksdata.it.WebClient;

/**
 * The sign-in load benchmark (not a test; issue 11, finding 4): N sessions (default 50) of one coordinator,
 * signed in one after another (each first opens the inbox: must be 200), then all of them browse the inbox,
 * the deliveries and the agreements at the same time for a fixed time (default 20 s), then each session
 * once more alone. Prints, per session and overall, how many answers were 403 (and any other status than
 * 200), requests per second and latency percentiles. A signed-in coordinator may open all three pages, so
 * every 403 is a wrong answer.
 *
 * <p>Starts a portal of its own (the built target/ROOT.war, demo data, PostgreSQL when it answers) on
 * loopback only, port {@code bench.port} (18680), and stops it at the end. Bounded: the browsing stops after
 * {@code bench.seconds} or {@code bench.max-requests} (200,000) requests, whichever comes first.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.delivery.skip=true} (only this one), or after
 * {@code mvn package -DskipTests}: {@code java -cp <test classpath> ...SignInLoadBenchmark}.
 */
public final class SignInLoadBenchmark {

    static final String USER = System.getProperty("bench.user", "coordinator@kunstloc.nl");
    static final String PASSWORD = System.getProperty("bench.password", "demo-2026!");
    static final List<String> PAGES = List.of("/tasks/inbox.xhtml", "/delivery/deliveries.xhtml", "/agreement/agreements.xhtml");

    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("bench.sessions", 50);
        int seconds = Integer.getInteger("bench.seconds", 20);
        long maxRequests = Long.getLong("bench.max-requests", 200_000L);
        int port = Integer.getInteger("bench.port", 18680);
        PortalServer portal = PortalServer.startOwn("signin-bench", port,
                Integer.getInteger("bench.smtp", 13625), Integer.getInteger("bench.imap", 13743));
        try {
            run(portal, sessions, seconds, maxRequests);
        } finally {
            portal.stop();
        }
    }

    static void run(PortalServer portal, int sessions, int seconds, long maxRequests) throws InterruptedException {
        System.out.printf("%nSign-in load: %d sessions of %s, %d s of concurrent browsing of %s, on %s%n",
                sessions, USER, seconds, PAGES, portal.database());

        // 1. sign in one after another; each session's first inbox must be 200
        List<WebClient> clients = new ArrayList<>();
        int firstInboxNot200 = 0;
        long loginStart = System.nanoTime();
        for (int i = 0; i < sessions; i++) {
            WebClient client = new WebClient(portal);
            int login = client.login(USER, PASSWORD);
            int inbox = client.get(PAGES.get(0)).statusCode();
            if (login != 302 || inbox != 200) {
                firstInboxNot200++;
                System.out.printf("  session %2d: sign-in answered %d, first inbox %d%n", i + 1, login, inbox);
            }
            clients.add(client);
        }
        System.out.printf("signed in %d sessions in %.1f s; first inbox not 200: %d%n",
                sessions, (System.nanoTime() - loginStart) / 1e9, firstInboxNot200);

        // 2. all sessions browse at once
        int[][] status = new int[sessions][600];
        int[] forbidden = new int[sessions];
        AtomicLong requests = new AtomicLong();
        long[] latencies = new long[(int) Math.min(maxRequests, 2_000_000)];
        AtomicInteger latencyCount = new AtomicInteger();
        Map<String, AtomicInteger> forbiddenPerPage = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(sessions);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            int session = s;
            Thread t = new Thread(() -> {
                WebClient client = clients.get(session);
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                int n = session;
                while (System.nanoTime() < deadline[0] && requests.incrementAndGet() <= maxRequests) {
                    String page = PAGES.get(n++ % PAGES.size());
                    long t0 = System.nanoTime();
                    int code;
                    try {
                        HttpResponse<String> response = client.get(page);
                        code = response.statusCode();
                    } catch (RuntimeException e) {
                        code = 599; // no answer at all
                    }
                    int slot = latencyCount.getAndIncrement();
                    if (slot < latencies.length) {
                        latencies[slot] = System.nanoTime() - t0;
                    }
                    status[session][Math.min(code, 599)]++;
                    if (code == 403) {
                        forbidden[session]++;
                        forbiddenPerPage.computeIfAbsent(page, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }, "bench-session-" + (s + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        ready.await();
        long start = System.nanoTime();
        deadline[0] = start + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;

        // 3. report
        long total = 0;
        long total403 = 0;
        int sessionsWith403 = 0;
        Map<Integer, Long> otherStatus = new TreeMap<>();
        StringBuilder perSession = new StringBuilder();
        for (int s = 0; s < sessions; s++) {
            long sessionTotal = Arrays.stream(status[s]).sum();
            total += sessionTotal;
            total403 += forbidden[s];
            if (forbidden[s] > 0) {
                sessionsWith403++;
            }
            for (int code = 0; code < status[s].length; code++) {
                if (code != 200 && code != 403 && status[s][code] > 0) {
                    otherStatus.merge(code, (long) status[s][code], Long::sum);
                }
            }
            perSession.append(String.format("%s%2d:%d/%d", s % 10 == 0 ? "\n  " : "  ", s + 1, forbidden[s], sessionTotal));
        }
        System.out.println("403s per session (session: 403s/requests):" + perSession);
        int measured = Math.min(latencyCount.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, measured);
        Arrays.sort(sorted);
        System.out.printf("requests: %,d in %.1f s (%.0f/s); 403: %,d (%.2f %%) in %d of %d sessions; other non-200: %s; 403 per page: %s%n",
                total, elapsed, total / elapsed, total403, total == 0 ? 0 : 100.0 * total403 / total, sessionsWith403, sessions,
                otherStatus.isEmpty() ? "none" : otherStatus, new TreeMap<>(forbiddenPerPage));
        if (measured > 0) {
            System.out.printf("latency ms: median %.1f, p95 %.1f, p99 %.1f, max %.1f%n", sorted[measured / 2] / 1e6,
                    sorted[(int) (measured * 0.95)] / 1e6, sorted[(int) (measured * 0.99)] / 1e6, sorted[measured - 1] / 1e6);
        }

        // 4. afterwards, one at a time: does every session still open its inbox?
        int afterNot200 = 0;
        for (WebClient client : clients) {
            if (client.get(PAGES.get(0)).statusCode() != 200) {
                afterNot200++;
            }
        }
        System.out.printf("afterwards, one session at a time: inbox not 200 in %d of %d sessions%n%n", afterNot200, sessions);
    }
}
