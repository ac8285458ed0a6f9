package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    static final Instant VALIDATED = Instant.parse("2026-01-31T10:00:00Z");

    @Test
    void rows_are_due_for_deletion_when_the_retention_months_have_passed_since_validation() {
        assertThat(RetentionPolicy.deleteAfter(VALIDATED, 12)).isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
        assertThat(RetentionPolicy.isDue(VALIDATED, 12, Instant.parse("2027-01-31T09:59:59Z"))).isFalse();
        assertThat(RetentionPolicy.isDue(VALIDATED, 12, Instant.parse("2027-01-31T10:00:00Z"))).isTrue();
    }

    @Test
    void a_month_is_a_calendar_month_in_the_netherlands() {
        // 31 January + 1 month = 28 February (no 31st), at the same local time
        assertThat(RetentionPolicy.deleteAfter(VALIDATED, 1)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        // across the switch to summer time the local time stays 11:00, so UTC moves an hour
        assertThat(RetentionPolicy.deleteAfter(Instant.parse("2026-03-01T10:00:00Z"), 1)).isEqualTo(Instant.parse("2026-04-01T09:00:00Z"));
    }

    @Test
    void a_retention_period_of_less_than_a_month_is_refused() {
        assertThatThrownBy(() -> RetentionPolicy.deleteAfter(VALIDATED, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_delivery_waiting_for_its_institution_is_abandoned_after_the_configured_days() {
        Instant waiting = Instant.parse("2026-11-01T12:00:00Z");
        assertThat(RetentionPolicy.isAbandoned(waiting, 30, Instant.parse("2026-12-01T11:59:59Z"))).isFalse();
        assertThat(RetentionPolicy.isAbandoned(waiting, 30, Instant.parse("2026-12-01T12:00:00Z"))).isTrue();
        assertThatThrownBy(() -> RetentionPolicy.isAbandoned(waiting, 0, waiting)).isInstanceOf(IllegalArgumentException.class);
    }
}
