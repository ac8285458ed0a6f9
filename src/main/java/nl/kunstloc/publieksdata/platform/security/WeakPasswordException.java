package nl.kunstloc.publieksdata.platform.security;

import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/** The chosen password is too short or too simple. */
public class WeakPasswordException extends UserFacingException {
    public WeakPasswordException() {
        super("error.password.weak", UserAccounts.MIN_PASSWORD_LENGTH);
    }
}
