package nl.kunstloc.publieksdata.delivery.control;

/**
 * The file as a whole cannot be read (not a CSV or XLSX, empty, no header row). Carries a message key
 * ({@code delivery.upload.*}) for the user; the message text is for the log and never holds file content.
 */
public class UnreadableExportException extends RuntimeException {

    private final String messageKey;

    public UnreadableExportException(String messageKey, String message, Throwable cause) {
        super(message, cause);
        this.messageKey = messageKey;
    }

    public UnreadableExportException(String messageKey, String message) {
        this(messageKey, message, null);
    }

    public String messageKey() {
        return messageKey;
    }
}
