package nl.kunstloc.publieksdata.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnknownAccountThrottleTest {

    final UnknownAccountThrottle throttle = new UnknownAccountThrottle();
    final Instant now = Instant.parse("2026-11-25T10:00:00Z");
    final Duration lock = Duration.ofMinutes(5);

    @Test
    void anAddressWithoutAccountIsLockedAfterAsManyFailuresAsARealAccount() {
        for (int i = 1; i < 5; i++) {
            assertThat(throttle.recordFailure("Niemand@Example.nl", now, 5, lock)).isFalse();
        }
        assertThat(throttle.recordFailure(" niemand@example.nl ", now, 5, lock)).isTrue();
        assertThat(throttle.lockedUntil("niemand@example.nl", now.plusSeconds(60))).contains(now.plus(lock));
        assertThat(throttle.lockedUntil("iemand-anders@example.nl", now)).isEmpty();
    }

    @Test
    void theLockRunsOutAndCountingStartsAgain() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("x@example.nl", now, 5, lock);
        }
        Instant later = now.plus(lock).plusSeconds(1);
        assertThat(throttle.lockedUntil("x@example.nl", later)).isEmpty();
        assertThat(throttle.recordFailure("x@example.nl", later, 5, lock)).isFalse();
    }

    @Test
    void forgetsEverythingRatherThanGrowWithoutBound() {
        for (int i = 0; i < UnknownAccountThrottle.MAX_TRACKED; i++) {
            throttle.recordFailure("random" + i + "@example.nl", now, 1, lock);
        }
        assertThat(throttle.lockedUntil("random1@example.nl", now)).isPresent();
        throttle.recordFailure("one-more@example.nl", now, 1, lock);
        assertThat(throttle.lockedUntil("random1@example.nl", now)).isEmpty();
        assertThat(throttle.lockedUntil("one-more@example.nl", now)).isPresent();
    }
}
