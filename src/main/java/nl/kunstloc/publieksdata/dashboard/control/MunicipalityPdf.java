package nl.kunstloc.publieksdata.dashboard.control;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import nl.kunstloc.publieksdata.dashboard.entity.AreaCell;
import nl.kunstloc.publieksdata.dashboard.entity.AreaReach;
import nl.kunstloc.publieksdata.dashboard.entity.AreaTrend;
import nl.kunstloc.publieksdata.dashboard.entity.Disclosed;
import nl.kunstloc.publieksdata.dashboard.entity.SegmentReach;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.report.control.ReportPdf;

/**
 * The municipality view as a printable A4 PDF (issue 14): the same disclosed figures as the page (never one
 * institution's, withheld figures with their reason), black on white, the rules and the date in the footer.
 */
public final class MunicipalityPdf {

    private MunicipalityPdf() {
    }

    /** @param trend the area season by season, or null */
    public static byte[] render(AreaReach area, AreaTrend trend, AreaReach comparison, Locale locale, String printedOn) {
        return ReportPdf.renderXhtml(xhtml(area, trend, comparison, locale, printedOn));
    }

    static String xhtml(AreaReach area, AreaTrend trend, AreaReach comparison, Locale locale, String printedOn) {
        StringBuilder h = new StringBuilder(32 * 1024);
        String title = t(locale, "dashboard.municipality.title") + ": " + area.name();
        h.append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(e(title)).append("</title><style>")
                .append("@page { size: A4; margin: 18mm 15mm 22mm 15mm; @bottom-center { content: element(footer); } }")
                .append("body { font-family: 'DejaVu Sans'; font-size: 9pt; color: #000; }")
                .append("h1 { font-size: 17pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; page-break-after: avoid; }")
                .append("#footer { position: running(footer); font-size: 7pt; color: #333; text-align: center; }")
                .append("table { border-collapse: collapse; width: 100%; } tr { page-break-inside: avoid; }")
                .append("th, td { border-bottom: 0.5pt solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; }")
                .append("thead th { border-bottom: 1pt solid #000; background: #e8e8e8; } td.num { text-align: right; }")
                .append("td.withheld { font-style: italic; } p.note { color: #333; }")
                .append("table.trend th:first-child { width: 30%; } table.trend thead th, table.trend td.num { white-space: nowrap; }")
                .append("</style></head><body>");
        h.append("<div id=\"footer\">").append(e(t(locale, "dashboard.municipality.rules"))).append(" · ").append(e(printedOn)).append("</div>");
        h.append("<h1>").append(e(title)).append("</h1>");
        h.append("<p>").append(e(t(locale, "dashboard.municipality.intro"))).append("</p>");
        section(h, area, locale);
        if (trend != null) {
            trend(h, trend, locale);
        }
        if (comparison != null) {
            h.append("<h1 style=\"page-break-before: always\">").append(e(t(locale, "dashboard.municipality.comparedWith")))
                    .append(' ').append(e(comparison.name())).append("</h1>");
            section(h, comparison, locale);
        }
        return h.append("</body></html>").toString();
    }

    private static void section(StringBuilder h, AreaReach a, Locale locale) {
        String language = locale.getLanguage();
        h.append("<h2>").append(e(t(locale, "dashboard.municipality.segments.caption"))).append(' ').append(e(a.name())).append("</h2>");
        if (!a.hasAnyFigure()) {
            h.append("<p class=\"note\">").append(e(t(locale, "dashboard.municipality.allWithheld"))).append("</p>");
        }
        h.append("<table><thead><tr>");
        for (String key : new String[] {"segment", "reached", "reachedShare", "populationShare", "index", "penetration"}) {
            h.append("<th>").append(e(t(locale, "dashboard.municipality." + key))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (SegmentReach s : a.segments()) {
            h.append("<tr><th>").append(e(s.name(language))).append("</th>");
            people(h, s.reached(), locale);
            h.append(num(percent(s.reachedShare(), locale))).append(num(percent(s.populationShare(), locale)))
                    .append(num(number(s.index(), 0, locale))).append(num(number(s.penetration(), 1, locale))).append("</tr>");
        }
        h.append("<tr><th>").append(e(t(locale, "dashboard.municipality.total"))).append("</th>");
        people(h, a.reached(), locale);
        h.append(num("")).append(num("100 %")).append(num("")).append(num(number(a.penetration(), 1, locale))).append("</tr>");
        h.append("</tbody></table>");
        h.append("<p class=\"note\">").append(e(t(locale, "dashboard.municipality.population"))).append(": ")
                .append(e(number((double) Math.round(a.population()), 0, locale))).append("</p>");

        h.append("<h2>").append(e(t(locale, "dashboard.municipality.potential"))).append("</h2>");
        if (a.underReached().isEmpty()) {
            h.append("<p class=\"note\">").append(e(t(locale, "dashboard.municipality.potential.empty"))).append("</p>");
        } else {
            h.append("<p class=\"note\">").append(e(t(locale, "dashboard.municipality.potential.hint"))).append("</p><table><thead><tr>");
            for (String key : new String[] {"rank", "segment", "inhabitants", "reached", "expected", "untapped"}) {
                h.append("<th>").append(e(t(locale, "dashboard.municipality." + key))).append("</th>");
            }
            h.append("</tr></thead><tbody>");
            int rank = 1;
            for (SegmentReach s : a.underReached()) {
                h.append("<tr>").append(num(String.valueOf(rank++))).append("<td>").append(e(s.name(language))).append("</td>")
                        .append(num(number(s.population(), 0, locale)));
                people(h, s.reached(), locale);
                h.append(num(number(s.expected(), 0, locale))).append(num(number(s.untapped(), 0, locale))).append("</tr>");
            }
            h.append("</tbody></table>");
        }
        if (!a.pc4s().isEmpty()) {
            h.append("<h2>").append(e(t(locale, "dashboard.municipality.map"))).append("</h2><table><thead><tr><th>")
                    .append(e(t(locale, "dashboard.municipality.pc4"))).append("</th><th>")
                    .append(e(t(locale, "dashboard.municipality.penetration"))).append("</th></tr></thead><tbody>");
            for (AreaCell c : a.pc4s()) {
                h.append("<tr><td>").append(e(c.code())).append("</td>");
                if (c.penetration() == null) {
                    h.append("<td class=\"withheld\">").append(e(t(locale, "dashboard.municipality.map.withheld"))).append("</td>");
                } else {
                    h.append(num(number(c.penetration(), 1, locale)));
                }
                h.append("</tr>");
            }
            h.append("</tbody></table>");
        }
    }

    private static void trend(StringBuilder h, AreaTrend trend, Locale locale) {
        h.append("<h2>").append(e(t(locale, "dashboard.municipality.trend"))).append("</h2>");
        if (!trend.isTrend()) {
            h.append("<p class=\"note\">").append(e(t(locale, "dashboard.municipality.trend.single", trend.seasons().get(0).season())))
                    .append("</p>");
            return;
        }
        h.append("<p class=\"note\">").append(e(t(locale, "dashboard.municipality.trend.hint"))).append("</p><table class=\"trend\"><thead><tr><th>")
                .append(e(t(locale, "dashboard.municipality.segment"))).append("</th>");
        trend.seasons().forEach(s -> h.append("<th>").append(e(s.season())).append("</th>"));
        h.append("</tr></thead><tbody>");
        List<SegmentReach> segments = trend.segments();
        for (int i = 0; i < segments.size(); i++) {
            h.append("<tr><th>").append(e(segments.get(i).name(locale.getLanguage()))).append("</th>");
            for (AreaTrend.SeasonReach season : trend.seasons()) {
                SegmentReach s = season.reach().segments().get(i);
                if (s.reached().isShown()) {
                    h.append(num(t(locale, "dashboard.municipality.trend.cell", number(s.penetration(), 1, locale),
                            number(s.index(), 0, locale))));
                } else {
                    h.append("<td class=\"withheld\">").append(e(t(locale, s.reached().withheld().messageKey()))).append("</td>");
                }
            }
            h.append("</tr>");
        }
        h.append("<tr><th>").append(e(t(locale, "dashboard.municipality.trend.reached"))).append("</th>");
        trend.seasons().forEach(s -> people(h, s.reach().reached(), locale));
        h.append("</tr><tr><th>").append(e(t(locale, "dashboard.municipality.penetration"))).append("</th>");
        trend.seasons().forEach(s -> h.append(num(number(s.reach().penetration(), 1, locale))));
        h.append("</tr><tr><th>").append(e(t(locale, "dashboard.municipality.trend.institutions"))).append("</th>");
        trend.seasons().forEach(s -> h.append(num(String.valueOf(s.institutions()))));
        h.append("</tr></tbody></table>");
    }

    private static void people(StringBuilder h, Disclosed d, Locale locale) {
        if (d.isShown()) {
            h.append(num(number((double) Math.round(d.value()), 0, locale)));
        } else {
            h.append("<td class=\"withheld\">").append(e(t(locale, d.withheld().messageKey()))).append("</td>");
        }
    }

    private static String num(String text) {
        return "<td class=\"num\">" + e(text) + "</td>";
    }

    private static String number(Double value, int decimals, Locale locale) {
        if (value == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }

    private static String percent(Double share, Locale locale) {
        return share == null ? "—" : number(100 * share, 1, locale) + " %";
    }

    private static String t(Locale locale, String key, Object... arguments) {
        return Messages.format(locale, key, arguments);
    }

    private static String e(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
