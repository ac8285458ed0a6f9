package nl.kunstloc.publieksdata.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the load test measured, per page group and per phase (browsing alone, or while deliveries are being
 * validated): answer times of every page request, and every error (an answer other than 200, no answer, or a
 * page that turned out to be the sign-in form). Printed at the end of the run; Gatling's own report has the rest.
 */
final class LoadFigures {

    /** "browsing only" until the first upload is posted, "during validation" while one runs, "after" when all are done. */
    static final AtomicInteger UPLOADS_STARTED = new AtomicInteger();
    static final AtomicInteger UPLOADS_DONE = new AtomicInteger();

    private static final Map<String, ConcurrentLinkedQueue<Integer>> TIMES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> ERRORS = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<String> ERROR_SAMPLES = new ConcurrentLinkedQueue<>();
    private static final List<String> LINES = Collections.synchronizedList(new ArrayList<>());

    private LoadFigures() {
    }

    static String phase(int uploads) {
        int started = UPLOADS_STARTED.get();
        if (started == 0) {
            return "browsing only";
        }
        return UPLOADS_DONE.get() < uploads ? "during validation" : "after validation";
    }

    static void page(String group, String request, String phase, Integer millis, boolean ok, String what) {
        PAGES.incrementAndGet();
        if (millis != null) {
            TIMES.computeIfAbsent(group + "|" + phase, k -> new ConcurrentLinkedQueue<>()).add(millis);
            TIMES.computeIfAbsent(group + "|all", k -> new ConcurrentLinkedQueue<>()).add(millis);
            TIMES.computeIfAbsent("request " + request + "|all", k -> new ConcurrentLinkedQueue<>()).add(millis);
        }
        if (!ok) {
            ERRORS.computeIfAbsent(group, k -> new AtomicInteger()).incrementAndGet();
            if (ERROR_SAMPLES.size() < 20) {
                ERROR_SAMPLES.add(request + ": " + what);
            }
        }
    }

    private static final AtomicInteger PAGES = new AtomicInteger();

    /** Page views answered so far (any outcome). */
    static int pages() {
        return PAGES.get();
    }

    static void line(String text) {
        System.out.println("[load] " + text);
        LINES.add(text);
    }

    /** The p-th percentile (nearest rank) of sorted values. */
    static int percentile(List<Integer> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static List<String> table() {
        List<String> out = new ArrayList<>();
        out.add(String.format("%-34s %-18s %7s %6s %6s %6s %6s %6s", "page group", "phase", "count", "p50", "p95", "p99", "max", "errors"));
        Map<String, ConcurrentLinkedQueue<Integer>> sorted = new TreeMap<>(TIMES);
        for (var e : sorted.entrySet()) {
            String[] key = e.getKey().split("\\|");
            List<Integer> values = new ArrayList<>(e.getValue());
            Collections.sort(values);
            if (values.isEmpty()) {
                continue;
            }
            String errors = "all".equals(key[1]) && !key[0].startsWith("request ")
                    ? String.valueOf(ERRORS.getOrDefault(key[0], new AtomicInteger()).get()) : "";
            out.add(String.format("%-34s %-18s %7d %6d %6d %6d %6d %6s", key[0], key[1], values.size(), percentile(values, 50),
                    percentile(values, 95), percentile(values, 99), values.get(values.size() - 1), errors));
        }
        int total = ERRORS.values().stream().mapToInt(AtomicInteger::get).sum();
        out.add("page errors: " + total + (ERROR_SAMPLES.isEmpty() ? "" : "; first ones: " + ERROR_SAMPLES));
        return out;
    }

    static List<String> lines() {
        synchronized (LINES) {
            return new ArrayList<>(LINES);
        }
    }
}
