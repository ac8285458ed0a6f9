package nl.kunstloc.publieksdata.report.control;

import java.util.List;

/**
 * A horizontal bar chart as plain XHTML (div bars with a width), drawn on the server from a report table.
 * The same markup goes on the page and into the PDF, needs no script (so it works offline and under the
 * CSP), prints in black and white (dark bars on white, a dashed line at the reference value), and is
 * hidden from screen readers, which read the data table beside it instead. A withheld cell draws no bar
 * and says "&lt; 10".
 */
public final class BarChart {

    private BarChart() {
    }

    /**
     * @param column    the numeric column to draw
     * @param reference a value to mark with a line (100 for an index), or null
     */
    public static String xhtml(ReportTable table, int column, Double reference, String id) {
        List<Cell> labels = table.column(0);
        List<Cell> values = table.column(column);
        double max = reference == null ? 0 : reference;
        for (Cell c : values) {
            if (c.number() != null) {
                max = Math.max(max, c.number());
            }
        }
        if (max <= 0) {
            max = 1;
        }
        StringBuilder s = new StringBuilder();
        s.append("<div class=\"bar-chart\" id=\"").append(id).append("\" aria-hidden=\"true\">");
        int shown = 0;
        for (int i = 0; i < values.size() && shown < 15; i++, shown++) {
            Cell v = values.get(i);
            double width = v.number() == null ? 0 : 100 * v.number() / max;
            s.append("<div class=\"bar-row\"><span class=\"bar-label\">").append(escape(labels.get(i).text()))
                    .append("</span><span class=\"bar-track\">");
            if (reference != null) {
                s.append("<span class=\"bar-reference\" style=\"left:").append(String.format(java.util.Locale.ROOT, "%.1f", 100 * reference / max))
                        .append("%\"></span>");
            }
            s.append("<span class=\"bar\" style=\"width:").append(String.format(java.util.Locale.ROOT, "%.1f", width))
                    .append("%\"></span></span><span class=\"bar-value\">").append(escape(v.text())).append("</span></div>");
        }
        s.append("</div>");
        return s.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
