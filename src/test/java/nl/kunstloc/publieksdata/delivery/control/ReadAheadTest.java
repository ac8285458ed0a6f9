package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The second scanning thread hands on every row in order, passes errors on, and stops with its caller. */
class ReadAheadTest {

    static ReadAhead.Scan rows(int count, RuntimeException failAfter) {
        return consumer -> {
            for (int i = 1; i <= count; i++) {
                try {
                    consumer.row(i * 2L, new String[]{"r" + i, "x".repeat(i % 5000)});
                } catch (InterruptedException e) {
                    throw new ReadAhead.InterruptedRead();
                }
            }
            if (failAfter != null) {
                throw failAfter;
            }
        };
    }

    @Test
    void everyRowArrivesOnceAndInOrder() throws IOException {
        List<Long> lines = new ArrayList<>();
        List<String> first = new ArrayList<>();
        ReadAhead.forEachRow(rows(10_000, null), (line, cells) -> {
            lines.add(line);
            first.add(cells.get(0));
            return true;
        });
        assertThat(lines).hasSize(10_000).isSorted().startsWith(2L).endsWith(20_000L);
        assertThat(first.get(9_999)).isEqualTo("r10000");
    }

    @Test
    void aRefusalOfTheScanComesAfterTheRowsBeforeIt() {
        List<Long> lines = new ArrayList<>();
        UnreadableExportException refused = catchThrowableOfType(UnreadableExportException.class,
                () -> ReadAhead.forEachRow(rows(1_000, new UnreadableExportException("delivery.upload.fieldTooLong", "x")),
                        (line, cells) -> lines.add(line)));
        assertThat(refused.messageKey()).isEqualTo("delivery.upload.fieldTooLong");
        assertThat(lines).hasSize(1_000);
    }

    @Test
    void stoppingEarlyStopsTheScanThread() throws Exception {
        List<Long> lines = new ArrayList<>();
        ReadAhead.forEachRow(rows(1_000_000, null), (line, cells) -> {
            lines.add(line);
            return lines.size() < 3;
        });
        assertThat(lines).containsExactly(2L, 4L, 6L);
        Thread.sleep(200);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("delivery-read-ahead") && t.isAlive());
    }
}
