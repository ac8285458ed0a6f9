package nl.kunstloc.publieksdata.platform.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Large jobs — the validation of a big export, the segmentation of a big report — run one at a time per node
 * (issue 15). Each is CPU-bound and holds tens of MB while it runs: two at once only split the cores, and beside 50
 * users' pages they filled a 512 MB heap (two 1M-row validations took 12× their time alone, a node given a 1M-row
 * validation and a 1M-row segmentation together ran out of heap). The second waits for the first, for at most
 * {@code publieksdata.jobs.large-wait-seconds}; then it runs anyway, beside it, and says so in the log: a job is never
 * held so long that its lock (five minutes) runs out. Small jobs never wait.
 */
@ApplicationScoped
public class LargeJobs {

    private static final Logger LOG = Logger.getLogger(LargeJobs.class.getName());

    /** How many large jobs a node runs at once. */
    @Inject
    @ConfigProperty(name = "publieksdata.jobs.large-at-once", defaultValue = "1")
    int atOnce;

    /** The longest a large job waits for another one to end; then it runs beside it. */
    @Inject
    @ConfigProperty(name = "publieksdata.jobs.large-wait-seconds", defaultValue = "120")
    long waitSeconds;

    /** From how many rows (or, before a file is read, rows estimated from its size) a job is large. */
    @Inject
    @ConfigProperty(name = "publieksdata.jobs.large-rows", defaultValue = "200000")
    long largeRows;

    private Semaphore permits;

    @PostConstruct
    void create() {
        permits = new Semaphore(Math.max(1, atOnce), true);
    }

    /** Whether a job over this many rows is large. */
    public boolean isLarge(long rows) {
        return rows >= largeRows;
    }

    /** Whether reading an export of this size is a large job (about 150 bytes per row in a real export). */
    public boolean isLargeFile(long bytes) {
        return isLarge(bytes / 150);
    }

    /** Runs the work; when it is large, not beside another large job of this node (see above). */
    public <T> T run(String what, boolean large, Supplier<T> work) {
        if (!large) {
            return work.get();
        }
        long start = System.nanoTime();
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (!acquired) {
            LOG.warning(() -> what + ": waited " + waited + " ms for the large job before it, now runs beside it");
        } else if (waited > 1000) {
            LOG.info(() -> what + ": waited " + waited + " ms for the large job before it");
        }
        try {
            return work.get();
        } finally {
            if (acquired) {
                permits.release();
            }
        }
    }
}
