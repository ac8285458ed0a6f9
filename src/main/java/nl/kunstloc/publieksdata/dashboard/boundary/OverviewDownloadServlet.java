package nl.kunstloc.publieksdata.dashboard.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import nl.kunstloc.publieksdata.dashboard.control.FunnelCounts;
import nl.kunstloc.publieksdata.dashboard.control.OverviewWorkbook;
import nl.kunstloc.publieksdata.dashboard.control.PilotOverview;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;

/**
 * The pilot overview as Excel: {@code /dashboard/overview.xlsx?type=&gm=} (the page's filters). Coordinators only
 * (web.xml); the filters narrow the funnel and the institutions, the attention list and statistics are the pilot's.
 */
@WebServlet("/dashboard/overview.xlsx")
public class OverviewDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    PilotOverview overview;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = Locale.forLanguageTag(currentUser.account().map(u -> u.getLocale()).orElse("nl"));
        String type = blankToNull(request.getParameter("type"));
        String gm = blankToNull(request.getParameter("gm"));
        byte[] body = OverviewWorkbook.write(FunnelCounts.filter(overview.progress(), type, gm),
                overview.attention(currentUser.getUsername()), overview.processStatistics(), locale, clock.getZone(),
                (id, name) -> {
                    String text = Messages.format(locale, "workflow.step." + id);
                    return text.equals("workflow.step." + id) ? (name == null ? id : name) : text;
                });
        audit.record("dashboard.exported", "dashboard", "overview", null, (type == null ? "" : type) + " " + (gm == null ? "" : gm));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setContentLength(body.length);
        response.setHeader("Content-Disposition", "attachment; filename=\"pilotoverzicht.xlsx\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(body);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
