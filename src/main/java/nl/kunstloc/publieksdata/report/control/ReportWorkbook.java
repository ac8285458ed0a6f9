package nl.kunstloc.publieksdata.report.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Reference;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report's tables as an Excel workbook (Apache POI): a sheet "Basis" with match rate, period and sources,
 * then one sheet per table. Numbers are numeric cells; withheld cells are the text "&lt; 10"; every text is a
 * string cell, and one that starts like a formula (= + - @) also gets Excel's quote prefix, so no cell is ever
 * run as a formula, not even after editing.
 */
public final class ReportWorkbook {

    private ReportWorkbook() {
    }

    public static byte[] write(AudienceReport report, ReportTables tables, Locale locale) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            Styles styles = new Styles(header, quoted);

            Sheet basis = wb.createSheet(Messages.format(locale, "report.basis.title").substring(0, Math.min(31,
                    Messages.format(locale, "report.basis.title").length())));
            int r = 0;
            r = pair(basis, r, Messages.format(locale, "report.institution"), report.getInstitutionName(), styles);
            r = pair(basis, r, Messages.format(locale, "report.version"), String.valueOf(report.getReportVersion()), styles);
            r = pair(basis, r, Messages.format(locale, "report.status"), Messages.format(locale, report.getStatus().messageKey()), styles);
            r = pair(basis, r, Messages.format(locale, "report.matchRate"), tables.matchRate(), styles);
            r = pair(basis, r, Messages.format(locale, "report.period"), tables.period(), styles);
            r = pair(basis, r, Messages.format(locale, "report.people"), tables.people().text() + " " + tables.unitInText(), styles);
            r = pair(basis, r, Messages.format(locale, "report.deliveries"), report.getDeliveryIds(), styles);
            r = pair(basis, r, Messages.format(locale, "report.model"), tables.sources(), styles);
            pair(basis, r + 1, "", Messages.format(locale, "report.disclosure"), styles);
            basis.setColumnWidth(0, 40 * 256);
            basis.setColumnWidth(1, 80 * 256);

            Set<String> names = new HashSet<>();
            for (ReportTable table : tables.all(Reference.PROVINCE)) {
                String name = WorkbookUtil.createSafeSheetName(table.id());
                if (!names.add(name)) {
                    continue;
                }
                Sheet sheet = wb.createSheet(name);
                int row = 0;
                text(sheet.createRow(row++), 0, table.title(), styles.header, styles);
                Row head = sheet.createRow(row++);
                for (int c = 0; c < table.columns().size(); c++) {
                    text(head, c, table.columns().get(c), styles.header, styles);
                }
                for (List<Cell> cells : table.rows()) {
                    write(sheet.createRow(row++), cells, styles);
                }
                if (table.total() != null) {
                    write(sheet.createRow(row++), table.total(), styles);
                }
                if (table.note() != null) {
                    text(sheet.createRow(row + 1), 0, table.note(), null, styles);
                }
                sheet.setColumnWidth(0, 34 * 256);
                for (int c = 1; c < table.columns().size(); c++) {
                    sheet.setColumnWidth(c, 16 * 256);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report workbook", e);
        }
    }

    private record Styles(CellStyle header, CellStyle quoted) {
    }

    private static int pair(Sheet sheet, int r, String key, String value, Styles styles) {
        Row row = sheet.createRow(r);
        text(row, 0, key, styles.header, styles);
        text(row, 1, value, null, styles);
        return r + 1;
    }

    private static void write(Row row, List<Cell> cells, Styles styles) {
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            if (cell.isNumeric()) {
                row.createCell(c).setCellValue(cell.number());
            } else {
                text(row, c, cell.text(), null, styles);
            }
        }
    }

    private static void text(Row row, int column, String value, CellStyle style, Styles styles) {
        var cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (value != null && !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            cell.setCellStyle(styles.quoted);
        } else if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
