package nl.kunstloc.publieksdata.dashboard.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.kunstloc.publieksdata.dashboard.entity.AttentionItem;
import nl.kunstloc.publieksdata.dashboard.entity.FunnelStage;
import nl.kunstloc.publieksdata.dashboard.entity.InstitutionProgress;
import nl.kunstloc.publieksdata.dashboard.entity.ProcessStatistic;
import nl.kunstloc.publieksdata.dashboard.entity.StepStatistic;
import nl.kunstloc.publieksdata.platform.web.Messages;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The pilot overview as an Excel file: funnel, institutions with their steps, attention list, process statistics. */
public final class OverviewWorkbook {

    private OverviewWorkbook() {
    }

    /** Labels of steps (activity id, BPMN name) in the user's language. */
    public interface StepNames {
        String of(String activityId, String fallback);
    }

    public static byte[] write(List<InstitutionProgress> institutions, List<AttentionItem> attention,
                               List<ProcessStatistic> statistics, Locale locale, ZoneId zone, StepNames stepNames) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale).withZone(zone);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet funnel = book.createSheet(t(locale, "dashboard.overview.funnel"));
            Map<FunnelStage, Long> counts = FunnelCounts.count(institutions);
            header(funnel.createRow(0), bold, t(locale, "dashboard.funnel.stage"), t(locale, "dashboard.funnel.count"));
            int r = 1;
            for (FunnelStage s : FunnelStage.values()) {
                Row row = funnel.createRow(r++);
                row.createCell(0).setCellValue(t(locale, s.messageKey()));
                row.createCell(1).setCellValue(counts.get(s));
            }

            Sheet list = book.createSheet(t(locale, "dashboard.overview.institutions"));
            Row head = list.createRow(0);
            header(head, bold, t(locale, "dashboard.institution"), t(locale, "dashboard.type"), t(locale, "dashboard.municipality"));
            for (FunnelStage s : FunnelStage.values()) {
                var cell = head.createCell(3 + s.ordinal());
                cell.setCellValue(t(locale, s.messageKey()));
                cell.setCellStyle(bold);
            }
            r = 1;
            for (InstitutionProgress p : institutions) {
                Row row = list.createRow(r++);
                row.createCell(0).setCellValue(p.name());
                row.createCell(1).setCellValue(p.type() == null ? "" : t(locale, "institution.type." + p.type()));
                row.createCell(2).setCellValue(p.municipalityCode() == null ? "" : p.municipalityCode());
                for (FunnelStage s : FunnelStage.values()) {
                    row.createCell(3 + s.ordinal()).setCellValue(p.reached(s) ? 1 : 0);
                }
            }

            Sheet att = book.createSheet(t(locale, "dashboard.overview.attention"));
            header(att.createRow(0), bold, t(locale, "dashboard.attention.kind"), t(locale, "dashboard.attention.subject"),
                    t(locale, "dashboard.attention.detail"), t(locale, "dashboard.attention.since"));
            r = 1;
            for (AttentionItem a : attention) {
                Row row = att.createRow(r++);
                row.createCell(0).setCellValue(t(locale, a.kind().messageKey()));
                row.createCell(1).setCellValue(a.subject());
                row.createCell(2).setCellValue(a.detail() == null ? "" : a.detail());
                row.createCell(3).setCellValue(a.since() == null ? "" : when.format(a.since()));
            }

            Sheet stats = book.createSheet(t(locale, "dashboard.overview.statistics"));
            header(stats.createRow(0), bold, t(locale, "dashboard.stats.process"), t(locale, "dashboard.stats.running"),
                    t(locale, "dashboard.stats.finished"), t(locale, "dashboard.stats.step"), t(locale, "dashboard.stats.executions"),
                    t(locale, "dashboard.stats.medianHours"), t(locale, "dashboard.stats.slowestHours"),
                    t(locale, "dashboard.stats.waiting"));
            r = 1;
            for (ProcessStatistic p : statistics) {
                Row row = stats.createRow(r++);
                row.createCell(0).setCellValue(t(locale, "workflow.process." + p.processKey(), p.name()));
                row.createCell(1).setCellValue(p.running());
                row.createCell(2).setCellValue(p.finished());
                for (StepStatistic s : p.steps()) {
                    Row step = stats.createRow(r++);
                    step.createCell(0).setCellValue(t(locale, "workflow.process." + p.processKey(), p.name()));
                    step.createCell(3).setCellValue(stepNames.of(s.activityId(), s.name()));
                    step.createCell(4).setCellValue(s.executions());
                    hours(step, 5, s.median());
                    hours(step, 6, s.slowest());
                    step.createCell(7).setCellValue(s.waiting());
                }
            }
            for (Sheet sheet : List.of(funnel, list, att, stats)) {
                for (int c = 0; c < 4; c++) {
                    sheet.setColumnWidth(c, 36 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void hours(Row row, int column, Duration d) {
        if (d != null) {
            row.createCell(column).setCellValue(Math.round(d.toMinutes() / 6.0) / 10.0);
        }
    }

    private static void header(Row row, CellStyle style, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            var cell = row.createCell(i);
            cell.setCellValue(texts[i]);
            cell.setCellStyle(style);
        }
    }

    private static String t(Locale locale, String key) {
        return Messages.format(locale, key);
    }

    private static String t(Locale locale, String key, String fallback) {
        String text = Messages.format(locale, key);
        return text.equals(key) ? fallback : text;
    }
}
