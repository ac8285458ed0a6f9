package nl.kunstloc.publieksdata.agreement.entity;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * Everything that differs between two agreements made from the same template version.
 *
 * @param agreementNumber e.g. "VO-2026-0042"
 * @param institution the controller ("verwerkingsverantwoordelijke")
 * @param processor Kunstloc Brabant ("verwerker")
 * @param endDate the last day the agreement is in force (inclusive)
 * @param retentionMonths how long raw order rows are kept after each delivery before they are deleted
 * @param breachNotificationHours how soon Kunstloc tells the institution about a data breach
 */
public record AgreementDetails(
        String agreementNumber,
        Party institution,
        Party processor,
        LocalDate startDate,
        LocalDate endDate,
        int retentionMonths,
        int breachNotificationHours) {

    public static final Period DEFAULT_TERM = Period.ofYears(2);
    public static final int DEFAULT_RETENTION_MONTHS = 12;
    public static final int DEFAULT_BREACH_NOTIFICATION_HOURS = 48;

    public AgreementDetails {
        Objects.requireNonNull(agreementNumber, "agreementNumber");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        if (!agreementNumber.matches("VO-\\d{4}-\\d{4}")) {
            throw new IllegalArgumentException("an agreement number looks like VO-2026-0042, was '" + agreementNumber + "'");
        }
        if (!endDate.isAfter(startDate)) {
            throw new IllegalArgumentException("the agreement must end after it starts");
        }
        if (retentionMonths < 1 || retentionMonths > 60) {
            throw new IllegalArgumentException("retention must be between 1 and 60 months, was " + retentionMonths);
        }
        // The institution itself must tell the Autoriteit Persoonsgegevens within 72 hours (GDPR art. 33),
        // so the processor's deadline can never be longer than that.
        if (breachNotificationHours < 1 || breachNotificationHours > 72) {
            throw new IllegalArgumentException("breach notification must be within 1 to 72 hours, was " + breachNotificationHours);
        }
    }

    /** The usual agreement: two years from the start date, default retention and breach deadline. */
    public static AgreementDetails standard(String agreementNumber, Party institution, Party processor, LocalDate startDate) {
        return new AgreementDetails(agreementNumber, institution, processor, startDate,
                startDate.plus(DEFAULT_TERM).minusDays(1), DEFAULT_RETENTION_MONTHS, DEFAULT_BREACH_NOTIFICATION_HOURS);
    }
}
