package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import nl.kunstloc.publieksdata.agreement.control.AgreementWorkflow;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.agreement.entity.AgreementStatus;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * /agreement/detail.xhtml?id=: one agreement with its status, period, signatures and documents, and
 * the withdrawal for its director or a coordinator. Named "agreementDetailView" because other
 * features have detail pages too.
 */
@Named("agreementDetailView")
@ViewScoped
public class AgreementDetailView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Agreements agreements;

    @Inject
    AgreementWorkflow agreementWorkflow;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccessGuard guard;

    @Inject
    Messages messages;

    private Long id;
    private transient Agreement agreement;
    private Boolean intact;
    private String withdrawalReason;

    public void load() {
        Agreement found = id == null ? null : agreements.find(id).orElse(null);
        if (!guard.require(found != null, "agreement " + id) || !guard.requireInstitution(found.getInstitutionId())) {
            return;
        }
        agreement = found;
        intact = agreements.documentsIntact(id);
    }

    public boolean isMayWithdraw() {
        Agreement a = getAgreement();
        return a != null && a.getStatus() == AgreementStatus.ACTIVE
                && (currentUser.hasRole(Role.COORDINATOR)
                || (currentUser.hasRole(Role.DIRECTOR) && a.getInstitutionId().equals(currentUser.getInstitutionId())));
    }

    public void withdraw() {
        // the agreement opened, checked again (ADR 8)
        if (!guard.require(getAgreement() != null && getAgreement().getId().equals(id), "agreement " + id)
                || !guard.requireInstitution(getAgreement().getInstitutionId())) {
            return;
        }
        if (!isMayWithdraw()) {
            messages.error("agreement.withdraw.error.notAllowed");
            return;
        }
        try {
            agreementWorkflow.withdraw(id, withdrawalReason, currentUser.getUsername());
        } catch (UserFacingException e) {
            messages.error(e);
            return;
        }
        agreement = null;
        withdrawalReason = null;
        messages.info("agreement.withdraw.done", getAgreement().getNumber());
    }

    public String badge(AgreementStatus s) {
        return AgreementsView.badgeOf(s);
    }

    public String documentUrl(String kind, boolean download) {
        return "/agreement/document?id=" + id + "&kind=" + kind + (download ? "&download=true" : "");
    }

    public Agreement getAgreement() {
        if (agreement == null && id != null) {
            agreement = agreements.find(id).orElse(null);
        }
        return agreement;
    }

    public boolean isIntact() { return intact == null || intact; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getWithdrawalReason() { return withdrawalReason; }
    public void setWithdrawalReason(String withdrawalReason) { this.withdrawalReason = withdrawalReason; }
}
