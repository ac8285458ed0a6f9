package nl.kunstloc.publieksdata.delivery.control;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.Dialect;
import nl.kunstloc.publieksdata.delivery.entity.FileFormat;
import nl.kunstloc.publieksdata.delivery.entity.MappingProposal;
import nl.kunstloc.publieksdata.delivery.entity.ProblemCode;
import nl.kunstloc.publieksdata.delivery.entity.ProblemSummary;
import nl.kunstloc.publieksdata.delivery.entity.SkipReason;
import nl.kunstloc.publieksdata.delivery.entity.SkippedRows;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;

/** Counts while a file is read; bounded memory whatever the size of the file. */
final class ValidationTally {

    /** Longer example values are cut: an example should help find the row, not reproduce it. */
    static final int MAX_EXAMPLE_LENGTH = 40;

    private long rowsRead;
    private long accepted;
    private long rejected;
    private long placedDutch;
    private long placedBrabant;
    private long foreign;
    private final Map<ProblemCode, Long> problemCounts = new EnumMap<>(ProblemCode.class);
    private final Map<ProblemCode, List<ProblemSummary.Example>> examples = new EnumMap<>(ProblemCode.class);
    private final Map<SkipReason, Long> skipCounts = new EnumMap<>(SkipReason.class);
    private final Map<SkipReason, List<Long>> skipLines = new EnumMap<>(SkipReason.class);

    void rowRead() {
        rowsRead++;
    }

    void skipped(SkipReason reason, long line) {
        skipCounts.merge(reason, 1L, Long::sum);
        List<Long> lines = skipLines.computeIfAbsent(reason, r -> new ArrayList<>());
        if (lines.size() < SkippedRows.MAX_LINES) {
            lines.add(line);
        }
    }

    void problem(ProblemCode code, long line, String value) {
        problemCounts.merge(code, 1L, Long::sum);
        List<ProblemSummary.Example> list = examples.computeIfAbsent(code, c -> new ArrayList<>());
        if (list.size() < ProblemSummary.MAX_EXAMPLES) {
            String shown = value == null ? "" : value.strip();
            if (shown.length() > MAX_EXAMPLE_LENGTH) {
                shown = shown.substring(0, MAX_EXAMPLE_LENGTH) + "…";
            }
            list.add(new ProblemSummary.Example(line, shown));
        }
    }

    void rejected() {
        rejected++;
    }

    /**
     * @param dutch    placed in a Dutch PC4
     * @param foreign  abroad by the country column
     * @param nonDutch no country column, and the postcode is not a Dutch one (counted as abroad, country unknown)
     */
    void accepted(boolean dutch, boolean foreign, boolean nonDutch, boolean brabant) {
        accepted++;
        if (dutch) {
            placedDutch++;
        } else if (foreign || nonDutch) {
            this.foreign++;
        }
        if (brabant) {
            placedBrabant++;
        }
    }

    ValidationReport report(String fileName, FileFormat format, Optional<Dialect> dialect, MappingProposal proposal) {
        long dataRows = accepted + rejected;
        List<ProblemSummary> problems = new ArrayList<>();
        problemCounts.forEach((code, count) -> problems.add(new ProblemSummary(code, count,
                dataRows == 0 ? (count > 0 ? 1.0 : 0.0) : (double) count / dataRows, examples.get(code))));
        Map<SkipReason, SkippedRows> skipped = new EnumMap<>(SkipReason.class);
        skipCounts.forEach((reason, count) -> skipped.put(reason, new SkippedRows(reason, count, skipLines.get(reason))));
        long skippedTotal = skipCounts.values().stream().mapToLong(Long::longValue).sum();
        return new ValidationReport(fileName, format, dialect, proposal, rowsRead, accepted, rejected, skippedTotal,
                skipped, problems, placedDutch, placedBrabant, foreign);
    }
}
