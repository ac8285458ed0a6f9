package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.onboarding.control.Invitations;
import nl.kunstloc.publieksdata.onboarding.entity.Invitation;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * Following an invitation link: set a password and become a member (or director) of the
 * institution. A used, expired or unknown link gets a page that says so and what to do.
 */
@Named
@ViewScoped
public class InvitationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Invitations invitations;

    @Inject
    Institutions institutions;

    @Inject
    Clock clock;

    @Inject
    Messages messages;

    private String token;
    private Invitation.State state;
    private String personName;
    private String email;
    private String institutionName;
    private String roleKey;
    private String password;
    private String passwordAgain;
    private boolean accepted;
    private boolean newLinkRequested;

    public void load() {
        Invitation invitation = invitations.byToken(token).orElse(null);
        if (invitation == null) {
            state = null;
            return;
        }
        state = invitation.state(clock.instant());
        personName = invitation.getPersonName();
        email = invitation.getEmail();
        roleKey = invitation.getRole().messageKey();
        institutionName = institutions.find(invitation.getInstitutionId()).map(Institution::getName).orElse("");
    }

    public void accept() {
        if (password == null || !password.equals(passwordAgain)) {
            messages.fieldError("invitation:passwordAgain", "onboarding.invitation.passwordsDiffer");
            return;
        }
        try {
            invitations.accept(token, password);
            accepted = true;
            state = Invitation.State.USED;
        } catch (UserFacingException e) {
            messages.error(e);
            load();
        }
    }

    /** An expired link: ask the coordinator (or the colleague who invited) for a new one. */
    public void requestNewLink() {
        invitations.requestNewLink(token);
        newLinkRequested = true;
    }

    public boolean isKnown() { return state != null; }
    public boolean isOpen() { return state == Invitation.State.OPEN; }
    public boolean isUsed() { return state == Invitation.State.USED; }
    public boolean isExpired() { return state == Invitation.State.EXPIRED || state == Invitation.State.REVOKED; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPersonName() { return personName; }
    public String getEmail() { return email; }
    public String getInstitutionName() { return institutionName; }
    public String getRoleKey() { return roleKey; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordAgain() { return passwordAgain; }
    public void setPasswordAgain(String passwordAgain) { this.passwordAgain = passwordAgain; }
    public boolean isAccepted() { return accepted; }
    public boolean isNewLinkRequested() { return newLinkRequested; }
}
