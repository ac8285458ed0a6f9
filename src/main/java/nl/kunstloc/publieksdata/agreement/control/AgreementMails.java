package nl.kunstloc.publieksdata.agreement.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.platform.mail.Mail;
import nl.kunstloc.publieksdata.platform.mail.Mailer;
import nl.kunstloc.publieksdata.platform.web.Messages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The agreement's e-mails. In Dutch, like the agreement itself; each carries the link to the page
 * where the reader acts. Sent after the commit of the action (see Mailer).
 */
@ApplicationScoped
public class AgreementMails {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);

    @Inject
    Mailer mailer;

    @Inject
    @ConfigProperty(name = "publieksdata.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    void signatureRequested(Agreement a, List<String> directors) {
        send(directors, "agreement.mail.signRequested", a, inbox());
    }

    /** The timer's reminder; the same wording every 7 days until somebody acts. */
    public void signReminder(Agreement a, List<String> directors) {
        send(directors, "agreement.mail.signReminder", a, inbox());
    }

    void declined(Agreement a, List<String> coordinators) {
        send(coordinators, "agreement.mail.declined", a, inbox(), a.getEndReason());
    }

    void activated(Agreement a, List<String> directors, List<String> coordinators) {
        send(directors, "agreement.mail.activated", a, detail(a), DATE.format(a.getEndDate()));
        send(coordinators, "agreement.mail.activated", a, detail(a), DATE.format(a.getEndDate()));
    }

    void renewalRequested(Agreement a, List<String> directors, List<String> coordinators) {
        send(directors, "agreement.mail.renewal", a, inbox(), DATE.format(a.getEndDate()));
        send(coordinators, "agreement.mail.renewal", a, inbox(), DATE.format(a.getEndDate()));
    }

    void expired(Agreement a, List<String> directors, List<String> coordinators, boolean stillCovered) {
        String key = stillCovered ? "agreement.mail.expiredRenewed" : "agreement.mail.expired";
        send(directors, key, a, detail(a));
        send(coordinators, key, a, detail(a));
    }

    void withdrawn(Agreement a, List<String> directors, List<String> coordinators) {
        String reason = a.getEndReason() == null ? "—" : a.getEndReason();
        send(directors, "agreement.mail.withdrawn", a, detail(a), reason);
        send(coordinators, "agreement.mail.withdrawn", a, detail(a), reason);
    }

    private void send(List<String> recipients, String key, Agreement a, String link, Object... more) {
        Object[] args = new Object[3 + more.length];
        args[0] = a.getNumber();
        args[1] = a.getInstitutionName();
        args[2] = link;
        System.arraycopy(more, 0, args, 3, more.length);
        String subject = Messages.format(DUTCH, key + ".subject", args);
        String text = Messages.format(DUTCH, key + ".text", args);
        for (String to : recipients) {
            mailer.send(new Mail(to, subject, text));
        }
    }

    private String inbox() {
        return baseUrl + "/tasks/inbox.xhtml";
    }

    private String detail(Agreement a) {
        return baseUrl + "/agreement/detail.xhtml?id=" + a.getId();
    }
}
