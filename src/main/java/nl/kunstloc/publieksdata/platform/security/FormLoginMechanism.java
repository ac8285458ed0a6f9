package nl.kunstloc.publieksdata.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Form login on our own Faces page (so the page can say why a sign-in was refused), against
 * {@link DatabaseIdentityStore}. Which role may open which page is declared in web.xml.
 *
 * <p>This is our own mechanism instead of {@code @CustomFormAuthenticationMechanismDefinition}, whose
 * {@code @AutoApplySession} makes Payara 6 rebuild the caller's roles from the container's session principal
 * through state that all request threads share (the default security context): under concurrent requests a
 * signed-in user then gets 403 on pages they may open (Payara issue 6145, fixed only in Payara 7 by pull
 * request 7928; ADR 9). Here the session holds a plain {@link SignedIn} (name and roles), and every request
 * hands exactly that to the container by name, which takes no shared state. Nothing is stored in the
 * container's own session registration.
 */
@ApplicationScoped
public class FormLoginMechanism implements HttpAuthenticationMechanism {

    /** The page that signs people in; protected pages send anonymous visitors there. */
    public static final String LOGIN_PAGE = "/login.xhtml";

    /** Session attribute: the page an anonymous visitor asked for, opened again after signing in. */
    static final String RETURN_TO = FormLoginMechanism.class.getName() + ".returnTo";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        SignedIn signedIn = session == null ? null : SignedIn.of(session);
        if (signedIn != null) {
            return context.notifyContainerAboutLogin(signedIn.username(), signedIn.roles());
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession().setAttribute(RETURN_TO, request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /** Called from LoginView through SecurityContext.authenticate with the typed e-mail and password. */
    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        // a new session id at sign-in, so an id planted before signing in is worth nothing (session fixation)
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SignedIn signedIn = new SignedIn(result.getCallerPrincipal().getName(), result.getCallerGroups());
        signedIn.storeIn(request.getSession());
        return context.notifyContainerAboutLogin(signedIn.username(), signedIn.roles());
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            SignedIn.removeFrom(session);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** The page to open after signing in: the protected page asked for before, if any (taken once). */
    static String takeReturnTo(HttpSession session, String contextPath) {
        Object target = session == null ? null : session.getAttribute(RETURN_TO);
        if (session != null) {
            session.removeAttribute(RETURN_TO);
        }
        // only a path of this portal, never another host ("//evil.example" is a host too)
        if (target instanceof String path && path.startsWith(contextPath + "/") && !path.startsWith("//")
                && !path.contains("\\") && !path.startsWith(contextPath + LOGIN_PAGE)) {
            return path;
        }
        return null;
    }
}
