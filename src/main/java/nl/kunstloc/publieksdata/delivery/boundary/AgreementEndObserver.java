package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.agreement.entity.AgreementExpired;
import nl.kunstloc.publieksdata.agreement.entity.AgreementWithdrawn;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;

/**
 * When an agreement ends, the institution's raw rows and held files go. Observed IN the agreement's
 * transaction, not after it: the withdrawal and the deletion commit together or not at all, so there
 * is never a withdrawn agreement whose rows survived a crash between two transactions. Held files are
 * deleted after the commit (a rolled-back withdrawal keeps them).
 */
@ApplicationScoped
public class AgreementEndObserver {

    @Inject
    Deliveries deliveries;

    @Inject
    Agreements agreements;

    void withdrawn(@Observes(during = TransactionPhase.IN_PROGRESS) AgreementWithdrawn event) {
        deliveries.deleteRawData(event.institutionId(), "agreement " + number(event.agreementId()) + " withdrawn");
    }

    void expired(@Observes(during = TransactionPhase.IN_PROGRESS) AgreementExpired event) {
        deliveries.deleteRawData(event.institutionId(), "agreement " + number(event.agreementId()) + " expired");
    }

    /** The number people know the agreement by (VO-yyyy-nnnn), for the audit line. */
    private String number(Long agreementId) {
        return agreements.find(agreementId).map(Agreement::getNumber).orElse(String.valueOf(agreementId));
    }
}
