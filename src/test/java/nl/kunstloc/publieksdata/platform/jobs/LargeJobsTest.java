package nl.kunstloc.publieksdata.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Large jobs one at a time per node; small ones never wait; a large one never waits longer than its limit. */
class LargeJobsTest {

    private static LargeJobs gate(long waitSeconds) {
        LargeJobs jobs = new LargeJobs();
        jobs.atOnce = 1;
        jobs.waitSeconds = waitSeconds;
        jobs.largeRows = 200_000;
        jobs.create();
        return jobs;
    }

    @Test
    void twoLargeJobsDoNotRunAtTheSameTime() throws Exception {
        LargeJobs jobs = gate(60);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Runnable work = () -> jobs.run("large", true, () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(200);
            running.decrementAndGet();
            return null;
        });
        CompletableFuture.allOf(CompletableFuture.runAsync(work), CompletableFuture.runAsync(work), CompletableFuture.runAsync(work))
                .get(30, TimeUnit.SECONDS);
        assertThat(most).hasValue(1);
    }

    @Test
    void aSmallJobDoesNotWaitForALargeOne() throws Exception {
        LargeJobs jobs = gate(60);
        CountDownLatch largeRuns = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> large = CompletableFuture.supplyAsync(() -> jobs.run("large", true, () -> {
            largeRuns.countDown();
            await(release);
            return null;
        }));
        assertThat(largeRuns.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.run("small", jobs.isLarge(199_999), () -> "done")).isEqualTo("done");
        release.countDown();
        large.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLargeJobRunsBesideAnotherOnceItHasWaitedItsLimit() throws Exception {
        LargeJobs jobs = gate(1);
        CountDownLatch largeRuns = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> jobs.run("first", true, () -> {
            largeRuns.countDown();
            await(release);
            return null;
        }));
        assertThat(largeRuns.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.run("second", true, () -> "ran")).as("ran after the wait, while the first still runs").isEqualTo("ran");
        assertThat(first).isNotDone();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(jobs.isLargeFile(150L * 200_000)).isTrue();
        assertThat(jobs.isLargeFile(150L * 199_999)).isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
