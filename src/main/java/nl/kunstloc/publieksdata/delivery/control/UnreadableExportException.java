package nl.kunstloc.publieksdata.delivery.control;

import java.util.Arrays;

/**
 * The file as a whole cannot be read (not a CSV or XLSX, empty, no header row, a row beyond the read
 * limits). Carries a message key ({@code delivery.upload.*}) for the user and its arguments (a line
 * number, a limit); the message text is for the log and never holds file content.
 */
public class UnreadableExportException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public UnreadableExportException(String messageKey, String message, Throwable cause, Object... arguments) {
        super(message, cause);
        this.messageKey = messageKey;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    public UnreadableExportException(String messageKey, String message, Throwable cause) {
        this(messageKey, message, cause, new Object[0]);
    }

    public UnreadableExportException(String messageKey, String message) {
        this(messageKey, message, null, new Object[0]);
    }

    public String messageKey() {
        return messageKey;
    }

    /** The message's arguments: plain numbers and names, never cell content. */
    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public String toString() {
        return super.toString() + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments));
    }
}
