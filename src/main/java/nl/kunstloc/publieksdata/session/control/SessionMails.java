package nl.kunstloc.publieksdata.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.kunstloc.publieksdata.platform.mail.Mail;
import nl.kunstloc.publieksdata.platform.mail.Mailer;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session's e-mails, each in the recipient's language, with the link written out in full.
 * Invitations, promotions and cancellations carry the iCalendar file, so calendars follow along.
 */
@ApplicationScoped
public class SessionMails {

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "publieksdata.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "publieksdata.mail.from", defaultValue = "pilot@kunstloc.nl")
    String from;

    public record Recipient(String email, String name, String language) {
        Locale locale() {
            return Locale.forLanguageTag(language == null ? "nl" : language);
        }
    }

    public String detailUrl(KnowledgeSession s) {
        return baseUrl + "/session/detail.xhtml?id=" + s.getId();
    }

    public void invitation(KnowledgeSession s, Recipient to) {
        Locale l = to.locale();
        send(to, text(l, "session.mail.invitation.subject", s.getTitle()),
                text(l, "session.mail.invitation.text", to.name(), s.getTitle(), s.getTheme(), when(s, l), where(s, l),
                        dateTime(s.getRegistrationDeadline(), l), detailUrl(s), agenda(s)),
                calendar(s, false));
    }

    public void promoted(KnowledgeSession s, Recipient to) {
        Locale l = to.locale();
        send(to, text(l, "session.mail.promoted.subject", s.getTitle()),
                text(l, "session.mail.promoted.text", to.name(), s.getTitle(), when(s, l), where(s, l), detailUrl(s)),
                calendar(s, false));
    }

    public void reminder(KnowledgeSession s, Recipient to) {
        Locale l = to.locale();
        send(to, text(l, "session.mail.reminder.subject", s.getTitle()),
                text(l, "session.mail.reminder.text", to.name(), s.getTitle(), when(s, l), where(s, l), detailUrl(s)), null);
    }

    public void evaluationForm(KnowledgeSession s, Recipient to) {
        Locale l = to.locale();
        send(to, text(l, "session.mail.evaluation.subject", s.getTitle()),
                text(l, "session.mail.evaluation.text", to.name(), s.getTitle(),
                        baseUrl + "/session/evaluate.xhtml?id=" + s.getId()), null);
    }

    public void cancellation(KnowledgeSession s, Recipient to) {
        Locale l = to.locale();
        String reason = s.getCancelReason() == null ? "" : text(l, "session.mail.cancelled.reason", s.getCancelReason());
        send(to, text(l, "session.mail.cancelled.subject", s.getTitle()),
                text(l, "session.mail.cancelled.text", to.name(), s.getTitle(), when(s, l), reason),
                calendar(s, true));
    }

    private void send(Recipient to, String subject, String text, Mail.Attachment attachment) {
        mailer.send(new Mail(to.email(), subject, text, attachment == null ? List.of() : List.of(attachment)));
    }

    private Mail.Attachment calendar(KnowledgeSession s, boolean cancelled) {
        return new Mail.Attachment(cancelled ? "kennissessie-geannuleerd.ics" : "kennissessie.ics",
                cancelled ? SessionCalendar.CONTENT_TYPE_CANCEL : SessionCalendar.CONTENT_TYPE_PUBLISH,
                SessionCalendar.of(s, detailUrl(s), from, clock.instant(), cancelled));
    }

    private String when(KnowledgeSession s, Locale l) {
        return dateTime(s.getStartsAt(), l) + " – " + DateTimeFormatter.ofPattern("HH:mm", l).withZone(ZoneId.systemDefault()).format(s.getEndsAt());
    }

    private String where(KnowledgeSession s, Locale l) {
        if (s.getPlace() != null && s.getOnlineLink() != null) {
            return s.getPlace() + " " + text(l, "session.mail.orOnline", s.getOnlineLink());
        }
        return s.getPlace() != null ? s.getPlace() : text(l, "session.mail.online", s.getOnlineLink());
    }

    private static String agenda(KnowledgeSession s) {
        return s.getAgenda() == null ? "" : s.getAgenda();
    }

    static String dateTime(java.time.Instant instant, Locale l) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm", l).withZone(ZoneId.systemDefault()).format(instant);
    }

    private static String text(Locale l, String key, Object... args) {
        return Messages.format(l, key, args);
    }
}
