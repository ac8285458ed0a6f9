package nl.kunstloc.publieksdata.platform.security;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * Who is signed in in an HTTP session: the user name and the role names (the groups of
 * {@link DatabaseIdentityStore}) as they were at sign-in. A plain serializable value, so a session
 * copied to another node carries it whole (unlike the container's own session principal, Payara issue 6342).
 */
record SignedIn(String username, Set<String> roles) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ATTRIBUTE = SignedIn.class.getName();

    SignedIn {
        Objects.requireNonNull(username);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    static SignedIn of(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof SignedIn signedIn ? signedIn : null;
    }

    void storeIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    static void removeFrom(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }
}
