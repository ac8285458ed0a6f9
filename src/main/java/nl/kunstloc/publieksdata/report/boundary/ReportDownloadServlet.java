package nl.kunstloc.publieksdata.report.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.report.control.OpenDataPackage;
import nl.kunstloc.publieksdata.report.control.OpenExportRows;
import nl.kunstloc.publieksdata.report.control.ReportPdf;
import nl.kunstloc.publieksdata.report.control.ReportTables;
import nl.kunstloc.publieksdata.report.control.ReportWorkbook;
import nl.kunstloc.publieksdata.report.control.Reports;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;

/**
 * The report's downloads: {@code /report/download?id=42&format=pdf|xlsx|datapackage}. The same readers as the page
 * (web.xml for the roles, {@link Reports#readable} for the version): anything else answers 404, so an id of
 * another institution reveals nothing. Built from the stored figures, so they match the page.
 */
@WebServlet("/report/download")
public class ReportDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Reports reports;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    @Inject
    OpenExportRows openExportRows;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String format = request.getParameter("format");
        Optional<AudienceReport> found = parseId(request.getParameter("id")).flatMap(reports::readable)
                .filter(AudienceReport::isComputed);
        if (found.isEmpty() || !("pdf".equals(format) || "xlsx".equals(format) || "datapackage".equals(format))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        AudienceReport report = found.get();
        if ("datapackage".equals(format)) {
            openExport(report, response);
            return;
        }
        Locale locale = Locale.forLanguageTag(currentUser.account().map(u -> u.getLocale()).orElse("nl"));
        ReportTables tables = new ReportTables(reports.figures(report), locale);
        byte[] body;
        String name = "publieksrapport-" + slug(report.getInstitutionName()) + "-v" + report.getReportVersion();
        if ("pdf".equals(format)) {
            body = ReportPdf.render(report, tables, locale, null);
            response.setContentType("application/pdf");
            name += ".pdf";
        } else {
            body = ReportWorkbook.write(report, tables, locale);
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            name += ".xlsx";
        }
        audit.record("report.downloaded", "report", report.getId(), report.getInstitutionId(), format);
        response.setContentLength(body.length);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(body);
    }

    /** The open export: always English (stable field names), rows streamed into the zip. */
    private void openExport(AudienceReport report, HttpServletResponse response) throws IOException {
        ReportTables tables = new ReportTables(reports.figures(report), Locale.ENGLISH);
        OpenDataPackage.Rows rows = openExportRows.of(report);
        audit.record("report.downloaded", "report", report.getId(), report.getInstitutionId(),
                "datapackage" + (rows == null ? " (aggregates only, raw rows deleted)" : ""));
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + OpenDataPackage.fileName(report) + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        OpenDataPackage.write(report, tables, rows, clock.instant(), response.getOutputStream());
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.valueOf(id));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
