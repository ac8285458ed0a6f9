package nl.kunstloc.publieksdata.report.control;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Reference;

/**
 * The report as an A4 PDF: the same tables as the page ({@link ReportTables}), the same bar charts
 * ({@link BarChart}) and the map ({@link ChoroplethImage}), in black on white with one dark hue, so it
 * reads printed in black and white. Match rate, period and sources are in the running footer of every
 * page. Fonts come from the classpath (DejaVu, shipped with the agreement PDF), so Dutch glyphs are always there.
 */
public final class ReportPdf {

    private static final String FONTS = "/agreement/fonts/";

    private ReportPdf() {
    }

    public static byte[] render(AudienceReport report, ReportTables tables, Locale locale, byte[] mapPng) {
        return renderXhtml(xhtml(report, tables, locale, mapPng));
    }

    /** An XHTML document of the portal's figures (a report, a municipality view) as PDF, with the bundled DejaVu fonts. */
    public static byte[] renderXhtml(String xhtml) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        builder.withProducer("Publieksdata pilot portal (openhtmltopdf)");
        builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the PDF", e);
        }
        return out.toByteArray();
    }

    static String xhtml(AudienceReport report, ReportTables tables, Locale locale, byte[] mapPng) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = t(locale, "report.report.title") + ": " + report.getInstitutionName();
        String footer = t(locale, "report.version") + " " + report.getReportVersion() + " · "
                + t(locale, "report.matchRate") + " " + tables.matchRate() + " · " + t(locale, "report.period") + " "
                + tables.period();
        h.append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(e(title)).append("</title><style>")
                .append("@page { size: A4; margin: 18mm 15mm 20mm 15mm; @bottom-center { content: element(footer); } }")
                .append("body { font-family: 'DejaVu Sans'; font-size: 9pt; color: #000; }")
                .append("h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; page-break-after: avoid; }")
                .append("#footer { position: running(footer); font-size: 7pt; color: #333; text-align: center; }")
                .append("table { border-collapse: collapse; width: 100%; page-break-inside: auto; } tr { page-break-inside: avoid; }")
                .append("th, td { border-bottom: 0.5pt solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; }")
                .append("thead th { border-bottom: 1pt solid #000; background: #e8e8e8; } td.num { text-align: right; }")
                .append("td.suppressed { font-style: italic; } tfoot td, tfoot th { font-weight: bold; border-top: 1pt solid #000; }")
                .append(".kv td:first-child { font-weight: bold; width: 40%; } .hint { color: #333; font-size: 8pt; }")
                .append(".bar-chart { margin: 4pt 0 8pt; } .bar-row { margin: 1.5pt 0; height: 10pt; }")
                .append(".bar-label { display: inline-block; width: 38%; font-size: 7.5pt; overflow: hidden; white-space: nowrap; }")
                .append(".bar-track { display: inline-block; width: 48%; height: 8pt; background: #eeeeee; position: relative; }")
                .append(".bar { position: absolute; left: 0; top: 0; height: 8pt; background: #1f4e79; }")
                .append(".bar-reference { position: absolute; top: -1pt; height: 10pt; border-left: 1pt dashed #000; }")
                .append(".bar-value { display: inline-block; width: 12%; text-align: right; font-size: 7.5pt; }")
                .append(".map { width: 150mm; border: 0.5pt solid #888; }")
                .append("</style></head><body>");
        h.append("<div id=\"footer\">").append(e(footer)).append("</div>");
        h.append("<h1>").append(e(title)).append("</h1>");
        h.append("<table class=\"kv\"><tbody>");
        row(h, t(locale, "report.version"), report.getReportVersion() + " · " + t(locale, report.getStatus().messageKey()));
        row(h, t(locale, "report.matchRate"), tables.matchRate());
        row(h, t(locale, "report.period"), tables.period());
        row(h, t(locale, "report.people"), tables.people().text() + " " + tables.unitInText() + " (" + t(locale, "report.placed") + ": "
                + tables.peoplePlaced().text() + ")");
        row(h, t(locale, "report.deliveries"), report.getDeliveryIds());
        row(h, t(locale, "report.model"), tables.sources());
        if (report.getApprovedBy() != null) {
            row(h, t(locale, "report.approvedBy"), report.getApprovedBy());
        }
        h.append("</tbody></table><p class=\"hint\">").append(e(t(locale, "report.disclosure"))).append("</p>");
        h.append("<h2>").append(e(t(locale, "report.chart.profile"))).append("</h2><p class=\"hint\">")
                .append(e(t(locale, "report.chart.profileHint"))).append("</p>");
        h.append(BarChart.xhtml(tables.profile(Reference.PROVINCE), 4, 100.0, "chart-profile"));
        if (mapPng != null) {
            h.append("<h2>").append(e(t(locale, "report.map.title"))).append("</h2><p class=\"hint\">")
                    .append(e(t(locale, "report.map.hint"))).append("</p>");
            h.append("<img class=\"map\" alt=\"").append(e(t(locale, "report.map.label"))).append("\" src=\"data:image/png;base64,")
                    .append(java.util.Base64.getEncoder().encodeToString(mapPng)).append("\"/>");
        }
        for (ReportTable table : tables.all(Reference.PROVINCE)) {
            h.append("<h2>").append(e(table.title())).append("</h2>");
            if (!table.isEmpty()) {
                h.append("<table><thead><tr>");
                table.columns().forEach(c -> h.append("<th>").append(e(c)).append("</th>"));
                h.append("</tr></thead><tbody>");
                for (var r : table.rows()) {
                    cells(h, r);
                }
                h.append("</tbody>");
                if (table.total() != null) {
                    h.append("<tfoot>");
                    cells(h, table.total());
                    h.append("</tfoot>");
                }
                h.append("</table>");
            }
            if (table.note() != null) {
                h.append("<p class=\"hint\">").append(e(table.note())).append("</p>");
            }
        }
        h.append("</body></html>");
        return h.toString();
    }

    private static void cells(StringBuilder h, java.util.List<Cell> cells) {
        h.append("<tr>");
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (i == 0) {
                h.append("<th>").append(e(c.text())).append("</th>");
            } else {
                h.append("<td class=\"").append(c.isNumeric() || c.suppressed() ? "num" : "").append(c.suppressed() ? " suppressed" : "")
                        .append("\">").append(e(c.text())).append("</td>");
            }
        }
        h.append("</tr>");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><td>").append(e(key)).append("</td><td>").append(e(value)).append("</td></tr>");
    }

    private static String t(Locale locale, String key) {
        return Messages.format(locale, key);
    }

    private static String e(String s) {
        return s == null ? "" : BarChart.escape(s);
    }

    private static InputStream font(String file) {
        InputStream in = ReportPdf.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException("font " + FONTS + file + " is missing from the classpath");
        }
        return in;
    }
}
