package nl.kunstloc.publieksdata.platform.security;

import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/** Somebody already has an account with this e-mail address. */
public class DuplicateUserException extends UserFacingException {
    public DuplicateUserException(String email) {
        super("error.user.duplicate", email);
    }
}
