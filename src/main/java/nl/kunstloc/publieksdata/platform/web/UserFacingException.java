package nl.kunstloc.publieksdata.platform.web;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;

/**
 * A mistake the user can fix, carrying the message key (and arguments) that tells them how.
 * Rolls back the transaction it is thrown in, so nothing is half-saved; views show it with
 * {@link Messages#error(UserFacingException)}.
 */
@ApplicationException(rollback = true)
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public UserFacingException(String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
