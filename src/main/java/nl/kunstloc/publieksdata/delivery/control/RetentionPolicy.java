package nl.kunstloc.publieksdata.delivery.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How long raw rows may live: the agreement's retention period, counted from the day the delivery
 * was validated (the rows exist for the analysis; the period starts when they can be used).
 */
public final class RetentionPolicy {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private RetentionPolicy() {
    }

    public static Instant deleteAfter(Instant validatedAt, int retentionMonths) {
        if (retentionMonths < 1) {
            throw new IllegalArgumentException("a retention period is at least a month");
        }
        return ZonedDateTime.ofInstant(validatedAt, ZONE).plusMonths(retentionMonths).toInstant();
    }

    public static boolean isDue(Instant validatedAt, int retentionMonths, Instant now) {
        return !now.isBefore(deleteAfter(validatedAt, retentionMonths));
    }

    /**
     * A delivery waiting for its institution (problems to resolve, an unreadable file to replace) for
     * {@code days} or more: its held file still contains the export as it came, personal data included,
     * so it may not wait for ever.
     */
    public static boolean isAbandoned(Instant waitingSince, int days, Instant now) {
        if (days < 1) {
            throw new IllegalArgumentException("an institution gets at least a day");
        }
        return !now.isBefore(waitingSince.plus(Duration.ofDays(days)));
    }
}
