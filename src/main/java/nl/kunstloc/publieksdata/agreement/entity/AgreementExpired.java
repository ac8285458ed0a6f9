package nl.kunstloc.publieksdata.agreement.entity;

import java.util.Objects;

/**
 * CDI event: an institution's agreement ran out and no newer one is active, so processing of its
 * data stops and its raw rows are to be deleted, as after a withdrawal.
 */
public record AgreementExpired(Long institutionId, Long agreementId) {

    public AgreementExpired {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(agreementId, "agreementId");
    }
}
