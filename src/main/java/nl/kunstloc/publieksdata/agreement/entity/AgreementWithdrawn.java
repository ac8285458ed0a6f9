package nl.kunstloc.publieksdata.agreement.entity;

import java.util.Objects;

/**
 * CDI event: an institution's agreement was withdrawn, so processing of its data stops now and its
 * raw ticketing rows are to be deleted. Observed by the delivery feature, which owns those rows.
 */
public record AgreementWithdrawn(Long institutionId, Long agreementId) {

    public AgreementWithdrawn {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(agreementId, "agreementId");
    }
}
