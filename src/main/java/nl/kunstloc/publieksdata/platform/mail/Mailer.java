package nl.kunstloc.publieksdata.platform.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends e-mail through the configured SMTP server. Inside a transaction the mail goes out only
 * after the commit, so a rolled-back action never sends an invitation for something that does
 * not exist. A failure to send is logged, not thrown: the action itself has happened.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Inject
    @ConfigProperty(name = "publieksdata.mail.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "publieksdata.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "publieksdata.mail.from", defaultValue = "pilot@kunstloc.nl")
    String from;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void send(Mail mail) {
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        sendNow(mail);
                    }
                }
            });
        } else {
            sendNow(mail);
        }
    }

    void sendNow(Mail mail) {
        try {
            Properties props = new Properties();
            props.put("mail.smtp.host", host);
            props.put("mail.smtp.port", String.valueOf(port));
            props.put("mail.smtp.connectiontimeout", "5000");
            props.put("mail.smtp.timeout", "10000");
            Session session = Session.getInstance(props);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from, "Ken je publiek! (Kunstloc Brabant)", "UTF-8"));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to()));
            message.setSubject(mail.subject(), "UTF-8");
            if (mail.attachments().isEmpty()) {
                message.setText(mail.text(), "UTF-8");
            } else {
                MimeMultipart multipart = new MimeMultipart();
                MimeBodyPart body = new MimeBodyPart();
                body.setText(mail.text(), "UTF-8");
                multipart.addBodyPart(body);
                for (Mail.Attachment a : mail.attachments()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                    part.setFileName(a.fileName());
                    multipart.addBodyPart(part);
                }
                message.setContent(multipart);
            }
            Transport.send(message);
            LOG.fine(() -> "mail sent: " + mail.subject());
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            LOG.log(Level.WARNING, "Could not send the mail \"" + mail.subject() + "\" to " + mail.to()
                    + " via " + host + ":" + port, e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
