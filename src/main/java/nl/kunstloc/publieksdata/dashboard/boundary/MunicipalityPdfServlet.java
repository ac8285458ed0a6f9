package nl.kunstloc.publieksdata.dashboard.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import nl.kunstloc.publieksdata.dashboard.control.MunicipalityPdf;
import nl.kunstloc.publieksdata.dashboard.control.AreaChoice;
import nl.kunstloc.publieksdata.dashboard.control.PublishedFigures;
import nl.kunstloc.publieksdata.dashboard.entity.AreaReach;
import nl.kunstloc.publieksdata.dashboard.entity.AreaTrend;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.entity.Municipality;

/**
 * The municipality view as a printable PDF: {@code /dashboard/municipality.pdf?gm=GM0772[&compare=...]}, under the
 * page's rules (web.xml for the roles; {@link PolicyScope} for the areas, so another municipality, by parameter too,
 * answers 404) and with the page's disclosed figures only.
 */
@WebServlet("/dashboard/municipality.pdf")
public class MunicipalityPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;

    @Inject
    PublishedFigures figures;

    @Inject
    PostcodeDirectory directory;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String own = currentUser.account().map(UserAccount::getPolicyArea).orElse(null);
        Optional<AreaChoice> choice = AreaChoice.of(currentUser.roles(), own, request.getParameter("gm"),
                request.getParameter("compare"), directory);
        if (choice.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String gm = choice.get().area();
        String compare = choice.get().compare();
        Locale locale = Locale.forLanguageTag(currentUser.account().map(UserAccount::getLocale).orElse("nl"));
        Optional<AreaReach> area = figures.area(gm, name(gm, locale));
        if (area.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        AreaReach comparison = gm.equals(compare) ? null : figures.area(compare, name(compare, locale)).orElse(null);
        String printed = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(clock.instant().atZone(ZoneId.of("Europe/Amsterdam")));
        AreaTrend trend = figures.trend(gm, name(gm, locale)).orElse(null);
        byte[] body = MunicipalityPdf.render(area.get(), trend, comparison, locale, printed);
        audit.record("dashboard.municipalityPdf", "municipality", gm, null, "compared with " + compare);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"gemeenteoverzicht-" + gm.toLowerCase(Locale.ROOT) + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private String name(String code, Locale locale) {
        return UserAccount.PROVINCE.equals(code) ? Messages.format(locale, "admin.users.policyArea.province")
                : directory.municipality(code).map(Municipality::name).orElse(code);
    }
}
