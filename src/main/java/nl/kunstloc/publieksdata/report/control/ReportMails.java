package nl.kunstloc.publieksdata.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.platform.mail.Mail;
import nl.kunstloc.publieksdata.platform.mail.Mailer;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The report's e-mails, in Dutch like the portal's other mails; each links to where the reader acts. Sent after the commit. */
@ApplicationScoped
public class ReportMails {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Inject
    Mailer mailer;

    @Inject
    UserAccounts accounts;

    @Inject
    Institutions institutions;

    @Inject
    @ConfigProperty(name = "publieksdata.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    void approvalRequested(AudienceReport r) {
        send(directors(r.getInstitutionId()), "report.mail.approvalRequested", r, baseUrl + "/tasks/inbox.xhtml");
    }

    void approvalReminder(AudienceReport r) {
        send(directors(r.getInstitutionId()), "report.mail.approvalReminder", r, baseUrl + "/tasks/inbox.xhtml");
    }

    void published(AudienceReport r) {
        Set<String> to = new LinkedHashSet<>(directors(r.getInstitutionId()));
        accounts.ofInstitution(r.getInstitutionId()).stream()
                .filter(u -> u.isEnabled() && u.hasRole(Role.INSTITUTION_MEMBER)).map(UserAccount::getUsername).forEach(to::add);
        send(List.copyOf(to), "report.mail.published", r, baseUrl + "/report/report.xhtml?id=" + r.getId());
    }

    private List<String> directors(Long institutionId) {
        Set<String> to = new LinkedHashSet<>();
        accounts.ofInstitution(institutionId).stream().filter(u -> u.isEnabled() && u.hasRole(Role.DIRECTOR))
                .forEach(u -> to.add(u.getUsername()));
        institutions.find(institutionId).map(Institution::getDirectorEmail)
                .ifPresent(e -> to.add(e.toLowerCase(Locale.ROOT)));
        return List.copyOf(to);
    }

    private void send(List<String> recipients, String key, AudienceReport r, String link) {
        Object[] args = {r.getInstitutionName(), r.getReportVersion(), link};
        String subject = Messages.format(DUTCH, key + ".subject", args);
        String text = Messages.format(DUTCH, key + ".text", args);
        for (String to : recipients) {
            mailer.send(new Mail(to, subject, text));
        }
    }
}
