package nl.kunstloc.publieksdata.report.control;

/**
 * One cell of a report table as every output shows it: the page, the PDF, the Excel file and the open
 * export. A suppressed cell carries no number at all, so no output can leak it.
 *
 * @param text       the cell as text ("< 10" when suppressed), formatted for the reader's language
 * @param number     the number to write to a spreadsheet or CSV, or null (text, or suppressed)
 * @param suppressed whether disclosure control withheld the value
 */
public record Cell(String text, Double number, boolean suppressed) {

    public static final String SUPPRESSED = "< 10";

    public static Cell text(String text) {
        return new Cell(text == null ? "" : text, null, false);
    }

    public static Cell number(double value, String formatted) {
        return new Cell(formatted, value, false);
    }

    public static Cell withheld() {
        return new Cell(SUPPRESSED, null, true);
    }

    /** A withheld cell showing disclosure control's mark: "< 10" for a small count, "x" for its hidden partner. */
    public static Cell withheld(String mark) {
        return new Cell(mark == null ? SUPPRESSED : mark, null, true);
    }

    public boolean isNumeric() {
        return number != null;
    }
}
