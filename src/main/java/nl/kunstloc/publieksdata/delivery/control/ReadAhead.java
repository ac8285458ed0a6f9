package nl.kunstloc.publieksdata.delivery.control;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Scans a CSV on a second thread while the caller checks the rows it has already got: on two cores the
 * scanning (about a fifth of the reading) overlaps the checks. Rows travel in batches of at most
 * {@link #BATCH_ROWS} rows or {@link #BATCH_CHARS} characters, at most {@link #QUEUED} batches ahead, so
 * the memory it adds is bounded whatever the file. Errors of the scan (a read limit, an encoding) reach
 * the caller as if it had scanned itself; when the caller stops early or fails, the scan thread stops.
 *
 * <p>A plain daemon thread rather than a managed executor: it touches no container service (no
 * transaction, no CDI, no JNDI), only the file. Switched off with {@code -Dpublieksdata.delivery.read-ahead=false}.
 */
final class ReadAhead {

    static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("publieksdata.delivery.read-ahead", "true"));
    static final int BATCH_ROWS = 512;
    static final int BATCH_CHARS = 1 << 20;
    static final int QUEUED = 4;

    private static final class Batch {
        final long[] lines = new long[BATCH_ROWS];
        final String[][] rows = new String[BATCH_ROWS][];
        int size;
        boolean last;
        Throwable failure;
    }

    @FunctionalInterface
    interface Scan {
        /** Scans every row, handing each to the consumer; returns when the input ends. */
        void run(RowConsumer rows) throws IOException;
    }

    @FunctionalInterface
    interface RowConsumer {
        void row(long line, String[] cells) throws InterruptedException;
    }

    private ReadAhead() {
    }

    static void forEachRow(Scan scan, TableSource.RowVisitor visitor) throws IOException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
        Thread producer = new Thread(() -> produce(scan, queue), "delivery-read-ahead");
        producer.setDaemon(true);
        producer.start();
        try {
            while (true) {
                Batch batch = queue.take();
                for (int i = 0; i < batch.size; i++) {
                    if (!visitor.row(batch.lines[i], Arrays.asList(batch.rows[i]))) {
                        return;
                    }
                }
                if (batch.failure != null) {
                    rethrow(batch.failure);
                }
                if (batch.last) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } finally {
            producer.interrupt();
            try {
                producer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void produce(Scan scan, BlockingQueue<Batch> queue) {
        Batch[] current = {new Batch()};
        long[] chars = {0};
        try {
            scan.run((line, cells) -> {
                Batch batch = current[0];
                batch.lines[batch.size] = line;
                batch.rows[batch.size++] = cells;
                for (String cell : cells) {
                    chars[0] += cell.length();
                }
                if (batch.size == BATCH_ROWS || chars[0] >= BATCH_CHARS) {
                    queue.put(batch);
                    current[0] = new Batch();
                    chars[0] = 0;
                }
            });
            current[0].last = true;
        } catch (InterruptedRead stopped) {
            return;
        } catch (Throwable e) {
            current[0].failure = e;
        }
        try {
            queue.put(current[0]);
        } catch (InterruptedException stopped) {
            // the caller has stopped reading
        }
    }

    /** Thrown inside the scan when the caller stopped (the scan's own interface throws no InterruptedException). */
    static final class InterruptedRead extends RuntimeException {
        InterruptedRead() {
            super(null, null, false, false);
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IOException(failure);
    }
}
