package nl.kunstloc.publieksdata.delivery.entity;

import java.util.List;

/**
 * Rows left out for one reason.
 *
 * @param lines the first {@link #MAX_LINES} row numbers, enough to check the export by eye
 */
public record SkippedRows(SkipReason reason, long count, List<Long> lines) {

    public static final int MAX_LINES = 100;

    public SkippedRows {
        lines = List.copyOf(lines);
    }
}
