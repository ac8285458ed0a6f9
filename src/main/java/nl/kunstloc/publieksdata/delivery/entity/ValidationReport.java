package nl.kunstloc.publieksdata.delivery.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of reading one export, in the terms the institution and the coordinator check:
 * how many rows went in, what was wrong, and what share of customers could be placed.
 *
 * <p>Reconciliation: every row read is accepted, rejected or skipped — see {@link #reconciles()}.
 *
 * @param rowsRead      rows below the header row (blank, summary and repeated-header rows included)
 * @param placedDutch   accepted rows with a Dutch PC4
 * @param placedBrabant accepted rows with a PC4 in Noord-Brabant (a subset of placedDutch)
 * @param foreign       accepted rows of customers abroad (country only)
 */
public record ValidationReport(String fileName, FileFormat format, Optional<Dialect> dialect, MappingProposal proposal,
                               long rowsRead, long accepted, long rejected, long skipped,
                               Map<SkipReason, SkippedRows> skippedRows, List<ProblemSummary> problems,
                               long placedDutch, long placedBrabant, long foreign) {

    public ValidationReport {
        skippedRows = Map.copyOf(skippedRows);
        problems = List.copyOf(problems);
    }

    public boolean reconciles() {
        return rowsRead == accepted + rejected + skipped;
    }

    /** Share of accepted rows placed in a Dutch PC4 — shown on every report. */
    public double matchRate() {
        return accepted == 0 ? 0 : (double) placedDutch / accepted;
    }

    /** Share of accepted rows placed in a Noord-Brabant PC4. */
    public double brabantRate() {
        return accepted == 0 ? 0 : (double) placedBrabant / accepted;
    }

    public Optional<ProblemSummary> problem(ProblemCode code) {
        return problems.stream().filter(p -> p.code() == code).findFirst();
    }

    public long count(ProblemCode code) {
        return problem(code).map(ProblemSummary::count).orElse(0L);
    }

    public long skipped(SkipReason reason) {
        SkippedRows rows = skippedRows.get(reason);
        return rows == null ? 0 : rows.count();
    }

    /** Nothing could be imported because the columns are not understood. */
    public boolean mappingIncomplete() {
        return !proposal.complete();
    }
}
