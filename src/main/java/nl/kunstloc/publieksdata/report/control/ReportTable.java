package nl.kunstloc.publieksdata.report.control;

import java.util.List;

/**
 * One table of the report, the same for every output.
 *
 * @param id       stable id: the Excel sheet, the CSV file of the open export, the HTML id
 * @param title    caption in the reader's language
 * @param columns  column headings in the reader's language
 * @param rows     the cells, already through disclosure control
 * @param total    the total row, or null
 * @param note     a sentence under the table (what it means, or why it is empty), or null
 */
public record ReportTable(String id, String title, List<String> columns, List<List<Cell>> rows, List<Cell> total,
                          String note) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        total = total == null ? null : List.copyOf(total);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The cells of one column, for charts (suppressed cells have no number). */
    public List<Cell> column(int index) {
        return rows.stream().map(r -> r.get(index)).toList();
    }
}
