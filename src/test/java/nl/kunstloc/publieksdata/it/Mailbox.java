package nl.kunstloc.publieksdata.it;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the portal mailed to someone, over IMAP from the demo mail server inside the portal
 * (GreenMail: user and password are the address), as the recipient would.
 */
public final class Mailbox {

    private Mailbox() {
    }

    public record ReceivedMail(String subject, String text, List<String> attachmentNames) {

        /** The first link in the text that contains the fragment (e.g. "/public/invitation"). */
        public String link(String fragment) {
            Matcher m = Pattern.compile("https?://\\S+").matcher(text);
            while (m.find()) {
                if (m.group().contains(fragment)) {
                    return m.group();
                }
            }
            throw new AssertionError("no link with " + fragment + " in: " + text);
        }
    }

    /** Waits (up to 30 s) for a mail to this address whose subject contains the fragment. */
    public static ReceivedMail await(String email, String subjectFragment) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ReceivedMail mail : read(email)) {
                if (mail.subject().contains(subjectFragment)) {
                    return mail;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no mail to " + email + " with subject containing \"" + subjectFragment + "\"; got: "
                + read(email).stream().map(ReceivedMail::subject).toList());
    }

    public static List<ReceivedMail> read(String email) {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(PortalServer.MAIL_IMAP_PORT));
        List<ReceivedMail> mails = new ArrayList<>();
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("127.0.0.1", PortalServer.MAIL_IMAP_PORT, email, email);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message m : inbox.getMessages()) {
                    mails.add(toMail(m));
                }
                inbox.close(false);
            } finally {
                store.close();
            }
        } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
            return List.of();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + email, e);
        }
        return mails;
    }

    private static ReceivedMail toMail(Message m) throws MessagingException, IOException {
        Object content = m.getContent();
        String text = "";
        List<String> attachments = new ArrayList<>();
        if (content instanceof String s) {
            text = s;
        } else if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.getFileName() != null) {
                    attachments.add(part.getFileName());
                } else if (part.getContent() instanceof String s) {
                    text = s;
                }
            }
        }
        return new ReceivedMail(m.getSubject(), text, attachments);
    }
}
