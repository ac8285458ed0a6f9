package nl.kunstloc.publieksdata.platform.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.platform.startup.StartupFailure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In demo mode a real SMTP and IMAP server (GreenMail) runs inside the portal, on
 * publieksdata.mail.port and publieksdata.mail.imap-port, so invitations and reminders can be
 * followed without a mail server: coordinators read them on the "Sent e-mail" page, and tests
 * read them over IMAP (user and password: the recipient's address).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DemoMailServer {

    private static final Logger LOG = Logger.getLogger(DemoMailServer.class.getName());

    @Inject
    @ConfigProperty(name = "publieksdata.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "publieksdata.mail.port", defaultValue = "25")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "publieksdata.mail.imap-port", defaultValue = "3143")
    int imapPort;

    private GreenMail greenMail;

    @PostConstruct
    void start() {
        if (!demo) {
            return;
        }
        greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail = null;
            throw StartupFailure.stop("the demo mail server cannot listen on 127.0.0.1:" + smtpPort + " (SMTP) and " + imapPort
                    + " (IMAP): " + rootMessage(e), "stop the program that uses the port (another portal?) or choose others with "
                    + "-Dpublieksdata.mail.port=<port> -Dpublieksdata.mail.imap-port=<port>", e);
        }
        LOG.info(() -> "Demo mail server: SMTP on 127.0.0.1:" + smtpPort + ", IMAP on 127.0.0.1:" + imapPort);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @PreDestroy
    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public boolean isRunning() {
        return greenMail != null;
    }

    /** Every mail sent since start-up, newest first. */
    public List<SentMail> sentMails() {
        if (greenMail == null) {
            return List.of();
        }
        List<SentMail> mails = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                mails.add(new SentMail(String.join(", ", java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString).toList()),
                        m.getSubject(), m.getSentDate() == null ? Instant.now() : m.getSentDate().toInstant(), text(m)));
            } catch (MessagingException | IOException e) {
                LOG.warning(() -> "unreadable demo mail: " + e.getMessage());
            }
        }
        mails.sort(Comparator.comparing(SentMail::sent).reversed());
        return mails;
    }

    /** The first link containing the fragment in the newest mail to this address (demo data follows invitations like a person). */
    public java.util.Optional<String> latestLink(String to, String fragment) {
        return sentMails().stream().filter(m -> m.to().contains(to))
                .flatMap(m -> java.util.regex.Pattern.compile("https?://\\S+").matcher(m.text()).results().map(r -> r.group()))
                .filter(link -> link.contains(fragment)).findFirst();
    }

    private static String text(MimeMessage m) throws MessagingException, IOException {
        Object content = m.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof MimeMultipart multipart && multipart.getCount() > 0) {
            Object first = multipart.getBodyPart(0).getContent();
            return first instanceof String s ? s : "";
        }
        return "";
    }

    public record SentMail(String to, String subject, Instant sent, String text) {
    }
}
