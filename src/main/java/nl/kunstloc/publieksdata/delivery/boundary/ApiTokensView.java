package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.delivery.control.ApiTokens;
import nl.kunstloc.publieksdata.delivery.entity.ApiToken;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/** Institution members create API tokens (shown once) and revoke them. */
@Named
@ViewScoped
public class ApiTokensView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiTokens tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String label;
    private String created;

    public List<ApiToken> getTokens() {
        Long institutionId = currentUser.getInstitutionId();
        return institutionId == null ? List.of() : tokens.of(institutionId);
    }

    public void create() {
        try {
            created = tokens.create(currentUser.getInstitutionId(), label, currentUser.getUsername()).secret();
            label = null;
            messages.info("delivery.tokens.created");
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    public void revoke(Long id) {
        try {
            tokens.revoke(currentUser.getInstitutionId(), id, currentUser.getUsername());
            created = null;
            messages.info("delivery.tokens.revoked");
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    public boolean isMember() {
        return currentUser.getInstitutionId() != null;
    }

    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public String getCreated() { return created; }
}
