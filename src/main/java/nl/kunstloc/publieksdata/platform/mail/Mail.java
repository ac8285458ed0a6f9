package nl.kunstloc.publieksdata.platform.mail;

import java.util.List;
import java.util.Objects;

/**
 * An e-mail to send: plain text (links written out in full, so every mail client shows them) and
 * optional attachments such as an iCalendar invitation or a signed agreement.
 */
public record Mail(String to, String subject, String text, List<Attachment> attachments) {

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Mail(String to, String subject, String text) {
        this(to, subject, text, List.of());
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
