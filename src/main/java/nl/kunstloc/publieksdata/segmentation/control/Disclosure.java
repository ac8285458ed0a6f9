package nl.kunstloc.publieksdata.segmentation.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control: turns a table of exact counts into the cells a page, PDF, workbook, API or
 * export may show. A product rule, not a setting.
 *
 * <ol>
 *   <li><b>Primary suppression.</b> Every cell (totals included) under {@value #THRESHOLD} people shows
 *       {@value #SMALL} — zero included, so that "nobody" and "a few" look the same.</li>
 *   <li><b>Secondary suppression.</b> A row or column (a "line": its cells and its total) that holds
 *       exactly one hidden cell would give that cell away (total − the others). So a second cell of
 *       that line is hidden and shows {@value #HIDDEN}: the smallest cell of at least {@value #SAFE_PARTNER}
 *       (so the small one can still be anything from 0 to 9), else the largest there is. This repeats
 *       until every line holds none or at least two hidden cells — the new hidden cell may leave its
 *       column with a single hidden cell, which then gets a partner too. A line whose hidden cells
 *       are all small (with its total shown) gets a partner that is not small as well: "two cells under
 *       10 that add up to 0" are both 0, and with the other lines even a sum of 17 can pin a cell.</li>
 * </ol>
 * Totals are shown exactly (not rounded) unless they are small themselves. Shares and indices
 * computed from a hidden cell must be hidden as well: use {@link Table#hidden(int, int)}.
 *
 * <p>The result is checked by {@code DisclosureTest}, which tries to work every hidden cell out from
 * what is shown (line sums and the bounds "&lt; 10" and "hidden, so ≥ 10") and must find at least two
 * possible values for each.
 */
public final class Disclosure {

    public static final int THRESHOLD = 10;
    public static final String SMALL = "< 10";
    public static final String HIDDEN = "x";
    /** A partner this large leaves a small cell its full range 0..9: its line's hidden sum is ≥ 10 + 9. */
    static final long SAFE_PARTNER = THRESHOLD + THRESHOLD - 1;

    /** How a cell is shown. */
    public enum Shown {
        /** the exact value */
        VALUE,
        /** under 10: shows {@value #SMALL} */
        SMALL,
        /** hidden so a small cell cannot be worked out: shows {@value #HIDDEN} */
        HIDDEN
    }

    private Disclosure() {
    }

    /**
     * A table protected for showing: inner cells {@code [row][column]}, and when asked for, row totals
     * (column index {@code columns}), column totals (row index {@code rows}) and the grand total
     * ({@code [rows][columns]}).
     */
    public static final class Table {
        private final long[][] values;
        private final Shown[][] shown;
        private final int rows;
        private final int columns;
        private final boolean rowTotals;
        private final boolean columnTotals;

        private Table(long[][] values, Shown[][] shown, int rows, int columns, boolean rowTotals, boolean columnTotals) {
            this.values = values;
            this.shown = shown;
            this.rows = rows;
            this.columns = columns;
            this.rowTotals = rowTotals;
            this.columnTotals = columnTotals;
        }

        public int rows() {
            return rows;
        }

        public int columns() {
            return columns;
        }

        /** How cell (row, column) is shown; {@code column == columns()} is the row total, {@code row == rows()} the column total. */
        public Shown shown(int row, int column) {
            check(row, column);
            return shown[row][column];
        }

        /** Whether the cell must not be shown (nor anything computed from it: a share, an index). */
        public boolean hidden(int row, int column) {
            return shown(row, column) != Shown.VALUE;
        }

        /** The exact value, for a cell that is shown. */
        public long value(int row, int column) {
            if (hidden(row, column)) {
                throw new IllegalStateException("cell " + row + "," + column + " is suppressed");
            }
            return values[row][column];
        }

        /** The exact value whatever is shown: for tests that play the attacker, never for display. */
        long raw(int row, int column) {
            check(row, column);
            return values[row][column];
        }

        /** The text to show: the number, {@value #SMALL} or {@value #HIDDEN}. */
        public String text(int row, int column) {
            return switch (shown(row, column)) {
                case VALUE -> Long.toString(values[row][column]);
                case SMALL -> Disclosure.SMALL;
                case HIDDEN -> Disclosure.HIDDEN;
            };
        }

        public long hiddenCount() {
            long n = 0;
            for (Shown[] line : shown) {
                for (Shown s : line) {
                    if (s != null && s != Shown.VALUE) {
                        n++;
                    }
                }
            }
            return n;
        }

        private void check(int row, int column) {
            boolean rowOk = row >= 0 && (row < rows || row == rows && columnTotals);
            boolean columnOk = column >= 0 && (column < columns || column == columns && rowTotals);
            if (!rowOk || !columnOk || row == rows && column == columns && !(rowTotals && columnTotals)) {
                throw new IndexOutOfBoundsException("no cell " + row + "," + column);
            }
        }
    }

    /** A list of counts with its total shown after it (index {@code cells.length}). */
    public static Table list(long... cells) {
        return table(new long[][] {cells}, true, false);
    }

    /** A list of estimated counts (rounded to whole people first), with its total. */
    public static Table list(double... cells) {
        long[] rounded = new long[cells.length];
        for (int i = 0; i < cells.length; i++) {
            rounded[i] = Math.round(cells[i]);
        }
        return list(rounded);
    }

    /** A cross table of counts, with row totals, column totals and the grand total as asked. */
    public static Table table(long[][] cells, boolean rowTotals, boolean columnTotals) {
        int rows = cells.length;
        int columns = rows == 0 ? 0 : cells[0].length;
        long[][] v = new long[rows + 1][columns + 1];
        Shown[][] shown = new Shown[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            if (cells[r].length != columns) {
                throw new IllegalArgumentException("ragged table");
            }
            for (int c = 0; c < columns; c++) {
                if (cells[r][c] < 0) {
                    throw new IllegalArgumentException("negative count");
                }
                v[r][c] = cells[r][c];
                v[r][columns] += cells[r][c];
                v[rows][c] += cells[r][c];
                v[rows][columns] += cells[r][c];
            }
        }
        List<int[]> present = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                boolean isRowTotal = c == columns;
                boolean isColumnTotal = r == rows;
                boolean exists = (!isRowTotal || rowTotals) && (!isColumnTotal || columnTotals);
                if (exists) {
                    shown[r][c] = v[r][c] < THRESHOLD ? Shown.SMALL : Shown.VALUE;
                    present.add(new int[] {r, c});
                }
            }
        }
        List<List<int[]>> lines = lines(rows, columns, rowTotals, columnTotals);
        while (true) {
            partners(lines, v, shown);
            List<int[]> pinned = pinned(lines, v, shown);
            if (pinned.isEmpty()) {
                break;
            }
            // the lines together still pin a cell (bounds passed from line to line): hide the largest
            // shown cell beside it in its row and in its column, and check again
            boolean more = false;
            for (int[] cell : pinned) {
                for (List<int[]> line : lines) {
                    if (line.stream().anyMatch(l -> l[0] == cell[0] && l[1] == cell[1])) {
                        int[] largest = largestShown(line, v, shown);
                        if (largest != null) {
                            shown[largest[0]][largest[1]] = Shown.HIDDEN;
                            more = true;
                        }
                    }
                }
            }
            if (!more) {
                // every cell beside it is hidden already and still a cell can be worked out: a small table
                // (a report of few people) is withheld whole rather than not shown at all (a 500 before)
                for (int[] cell : present) {
                    if (shown[cell[0]][cell[1]] == Shown.VALUE) {
                        shown[cell[0]][cell[1]] = Shown.HIDDEN;
                    }
                }
                break;
            }
        }
        return new Table(v, shown, rows, columns, rowTotals, columnTotals);
    }

    private static void partners(List<List<int[]>> lines, long[][] v, Shown[][] shown) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<int[]> line : lines) {
                int hidden = 0;
                boolean allSmall = true;
                for (int[] cell : line) {
                    if (shown[cell[0]][cell[1]] != Shown.VALUE) {
                        hidden++;
                        allSmall &= shown[cell[0]][cell[1]] == Shown.SMALL;
                    }
                }
                int[] total = line.get(line.size() - 1);
                // small cells only, with the total shown: their sum is known and each lies in 0..9, which
                // narrows them down (two of them adding up to 0 are both 0; with other lines, even 17
                // can pin one): a cell that is not small must hide with them
                boolean bounded = hidden >= 1 && allSmall && shown[total[0]][total[1]] == Shown.VALUE;
                if (hidden == 1 || bounded) {
                    int[] partner = partner(line, v, shown);
                    if (partner != null) {
                        shown[partner[0]][partner[1]] = Shown.HIDDEN;
                        changed = true;
                    }
                }
            }
        }
    }

    /**
     * The hidden cells a reader can pin down by passing bounds from line to line: a small cell lies in
     * 0..9, a hidden one is at least 10, each line adds up to its total. Polynomial (no search).
     */
    static List<int[]> pinned(List<List<int[]>> lines, long[][] v, Shown[][] shown) {
        final long unbounded = 1_000_000_000_000L;
        List<int[]> unknowns = new ArrayList<>();
        int[][] index = new int[shown.length][shown[0].length];
        for (int r = 0; r < shown.length; r++) {
            for (int c = 0; c < shown[r].length; c++) {
                index[r][c] = -1;
                if (shown[r][c] != null && shown[r][c] != Shown.VALUE) {
                    index[r][c] = unknowns.size();
                    unknowns.add(new int[] {r, c});
                }
            }
        }
        long[] lo = new long[unknowns.size()];
        long[] hi = new long[unknowns.size()];
        for (int i = 0; i < unknowns.size(); i++) {
            int[] cell = unknowns.get(i);
            boolean small = shown[cell[0]][cell[1]] == Shown.SMALL;
            lo[i] = small ? 0 : THRESHOLD;
            hi[i] = small ? THRESHOLD - 1 : unbounded;
        }
        // each line: Σ cells − total = 0, i.e. Σ sign·x = constant over its hidden cells
        List<int[]> members = new ArrayList<>();
        List<int[]> signs = new ArrayList<>();
        List<Long> constants = new ArrayList<>();
        for (List<int[]> line : lines) {
            List<Integer> m = new ArrayList<>();
            List<Integer> sg = new ArrayList<>();
            long constant = 0;
            for (int i = 0; i < line.size(); i++) {
                int[] cell = line.get(i);
                int sign = i == line.size() - 1 ? -1 : 1;
                int u = index[cell[0]][cell[1]];
                if (u >= 0) {
                    m.add(u);
                    sg.add(sign);
                } else {
                    constant -= sign * v[cell[0]][cell[1]];
                }
            }
            if (!m.isEmpty()) {
                members.add(m.stream().mapToInt(Integer::intValue).toArray());
                signs.add(sg.stream().mapToInt(Integer::intValue).toArray());
                constants.add(constant);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int e = 0; e < members.size(); e++) {
                int[] m = members.get(e);
                int[] sg = signs.get(e);
                long min = 0;
                long max = 0;
                for (int k = 0; k < m.length; k++) {
                    min += sg[k] > 0 ? lo[m[k]] : -hi[m[k]];
                    max += sg[k] > 0 ? hi[m[k]] : -lo[m[k]];
                }
                long c = constants.get(e);
                for (int k = 0; k < m.length; k++) {
                    int u = m[k];
                    long ownMin = sg[k] > 0 ? lo[u] : -hi[u];
                    long ownMax = sg[k] > 0 ? hi[u] : -lo[u];
                    long a = c - (max - ownMax); // sign·x ≥ a
                    long b = c - (min - ownMin); // sign·x ≤ b
                    long newLo = sg[k] > 0 ? a : -b;
                    long newHi = sg[k] > 0 ? b : -a;
                    if (newLo > lo[u]) {
                        lo[u] = newLo;
                        changed = true;
                    }
                    if (newHi < hi[u]) {
                        hi[u] = newHi;
                        changed = true;
                    }
                }
            }
        }
        List<int[]> pinned = new ArrayList<>();
        for (int i = 0; i < unknowns.size(); i++) {
            if (lo[i] >= hi[i]) {
                pinned.add(unknowns.get(i));
            }
        }
        return pinned;
    }

    private static int[] largestShown(List<int[]> line, long[][] v, Shown[][] shown) {
        int[] largest = null;
        for (int i = 0; i < line.size(); i++) {
            int[] cell = line.get(i);
            if (shown[cell[0]][cell[1]] == Shown.VALUE && (largest == null || v[cell[0]][cell[1]] > v[largest[0]][largest[1]])) {
                largest = cell;
            }
        }
        return largest;
    }

    /** Every equation a reader can write down: each row with its total, each column with its total, the totals' lines. */
    static List<List<int[]>> lines(int rows, int columns, boolean rowTotals, boolean columnTotals) {
        List<List<int[]>> lines = new ArrayList<>();
        if (rowTotals) {
            for (int r = 0; r < rows; r++) {
                List<int[]> line = new ArrayList<>();
                for (int c = 0; c <= columns; c++) {
                    line.add(new int[] {r, c});
                }
                lines.add(line);
            }
        }
        if (columnTotals) {
            for (int c = 0; c < columns; c++) {
                List<int[]> line = new ArrayList<>();
                for (int r = 0; r <= rows; r++) {
                    line.add(new int[] {r, c});
                }
                lines.add(line);
            }
        }
        if (rowTotals && columnTotals) {
            List<int[]> totalsRow = new ArrayList<>();
            for (int c = 0; c <= columns; c++) {
                totalsRow.add(new int[] {rows, c});
            }
            lines.add(totalsRow);
            List<int[]> totalsColumn = new ArrayList<>();
            for (int r = 0; r <= rows; r++) {
                totalsColumn.add(new int[] {r, columns});
            }
            lines.add(totalsColumn);
        }
        return lines;
    }

    // prefer an inner cell (totals carry the most information), the smallest that is ≥ SAFE_PARTNER, else the largest
    private static int[] partner(List<int[]> line, long[][] v, Shown[][] shown) {
        int[] best = null;
        for (int pass = 0; pass < 2 && best == null; pass++) {
            boolean totalsToo = pass == 1;
            int[] safe = null;
            int[] largest = null;
            for (int i = 0; i < line.size(); i++) {
                int[] cell = line.get(i);
                boolean isTotal = i == line.size() - 1;
                if (shown[cell[0]][cell[1]] != Shown.VALUE || isTotal && !totalsToo || !isTotal && totalsToo) {
                    continue;
                }
                long value = v[cell[0]][cell[1]];
                if (value >= SAFE_PARTNER && (safe == null || value < v[safe[0]][safe[1]])) {
                    safe = cell;
                }
                if (largest == null || value > v[largest[0]][largest[1]]) {
                    largest = cell;
                }
            }
            best = safe != null ? safe : largest;
        }
        return best;
    }
}
