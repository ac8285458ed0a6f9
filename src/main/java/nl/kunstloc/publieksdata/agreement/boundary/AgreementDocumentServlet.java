package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import nl.kunstloc.publieksdata.agreement.control.TamperedDocumentException;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;

/**
 * The agreement PDFs: {@code /agreement/document?id=42&kind=original|signed[&download=true]}.
 * Who may open the pages under /agreement may ask (web.xml); an agreement of another institution
 * answers 404, like the pages. Every document is checked against its recorded SHA-256 first: a
 * changed file is refused with an explanation (409) and the refusal is audit-logged.
 */
@WebServlet("/agreement/document")
public class AgreementDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Agreements agreements;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Agreement> found = parseId(request.getParameter("id")).flatMap(agreements::find)
                .filter(a -> currentUser.mayAccessInstitution(a.getInstitutionId()));
        boolean signed = "signed".equals(request.getParameter("kind"));
        if (found.isEmpty() || (signed && !found.get().isSigned())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Agreement agreement = found.get();
        byte[] pdf;
        try {
            pdf = signed ? agreements.signedDocument(agreement.getId()) : agreements.originalDocument(agreement.getId());
        } catch (TamperedDocumentException e) {
            audit.record("agreement.tampered", "agreement", agreement.getId(), agreement.getInstitutionId(), e.getMessage());
            refuse(response, agreement);
            return;
        }
        String fileName = agreement.getNumber() + (signed ? "-ondertekend" : "") + ".pdf";
        boolean download = "true".equals(request.getParameter("download"));
        response.setContentType("application/pdf");
        response.setContentLength(pdf.length);
        response.setHeader("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\"" + fileName + "\"");
        // personal contract data: never in a shared cache
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(pdf);
    }

    private void refuse(HttpServletResponse response, Agreement agreement) throws IOException {
        Locale locale = Locale.forLanguageTag(currentUser.account().map(u -> u.getLocale()).orElse("nl"));
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String title = Messages.format(locale, "agreement.tampered.title");
        String text = Messages.format(locale, "agreement.tampered.text", agreement.getNumber());
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"/><title>"
                + escape(title) + "</title></head><body><main><h1>" + escape(title) + "</h1><p id=\"tampered\">" + escape(text)
                + "</p></main></body></html>");
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.valueOf(id));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
