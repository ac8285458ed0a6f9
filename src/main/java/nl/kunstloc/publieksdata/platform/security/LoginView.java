package nl.kunstloc.publieksdata.platform.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.web.Messages;

/** The sign-in page: e-mail and password, a clear message when refused or throttled. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext securityContext;

    @Inject
    UserAccounts accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    @Inject
    AuditTrail audit;

    @NotBlank
    private String username;

    @NotBlank
    private String password;

    /** Already signed in: go to the start page instead of showing the form again. */
    public void redirectIfSignedIn() throws IOException {
        if (securityContext.getCallerPrincipal() != null) {
            ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
            ec.redirect(ec.getRequestContextPath() + currentUser.getStartPage() + ".xhtml");
        }
    }

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ec = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) ec.getRequest(), (HttpServletResponse) ec.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username == null ? "" : username.trim(), password)));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                audit.recordAs(username.trim().toLowerCase(java.util.Locale.ROOT), "user.login", "user", null, null, null);
                // back to the page that sent the person here, if any (a link in an e-mail), else the start page
                String target = FormLoginMechanism.takeReturnTo(
                        (jakarta.servlet.http.HttpSession) ec.getSession(false), ec.getRequestContextPath());
                ec.redirect(target != null ? target : ec.getRequestContextPath() + CurrentUser.startPage(
                        accounts.find(username.trim()).map(UserAccount::getRoles).orElse(java.util.Set.of())) + ".xhtml");
            }
            default -> {
                long minutes = accounts.minutesLocked(username);
                if (minutes > 0) {
                    messages.error("login.throttled", minutes);
                } else {
                    messages.error("login.failed");
                }
                password = null;
            }
        }
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
