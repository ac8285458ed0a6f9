package nl.kunstloc.publieksdata.delivery.control;

/**
 * What a reader holds at most for one row, so that no export — hostile or just odd — can run the server
 * out of memory or keep a validation busy for ever. Exceeding a limit makes the file unreadable with a
 * message that names the physical line (see {@link UnreadableExportException#arguments()}).
 *
 * @param maxFieldChars  characters of one cell (a free-text remark with newlines counts in full)
 * @param maxRecordChars characters of one row, all cells together
 * @param maxColumns     cells of one row (Excel's own limit is 16,384)
 * @param maxRows        rows of an XLSX sheet (Excel's own limit is 1,048,576); CSV is bounded by the upload size
 */
public record ReadLimits(int maxFieldChars, int maxRecordChars, int maxColumns, long maxRows) {

    /** 100,000 characters a cell, 1,000,000 a row: a row held in memory costs at most 2 MB. */
    public static final ReadLimits DEFAULT = new ReadLimits(100_000, 1_000_000, 16_384, 1_048_576);

    public ReadLimits {
        if (maxFieldChars <= 0 || maxRecordChars < maxFieldChars || maxColumns <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("read limits must be positive and a row at least one field long");
        }
    }
}
