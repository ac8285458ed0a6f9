package nl.kunstloc.publieksdata.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins for addresses that have no account, counted like those of real accounts: without
 * this, "locked after 5 attempts" would happen only to addresses that exist, and anyone could find out
 * who has an account by trying six times. In memory (per node; a restart forgets), bounded, because
 * these addresses are not ours to store.
 */
@ApplicationScoped
public class UnknownAccountThrottle {

    /** More than this many addresses in play means an attack with random names: start afresh. */
    static final int MAX_TRACKED = 10_000;

    private record Attempts(int failures, Instant lockedUntil) {
    }

    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    /** Counts a failure; returns whether the address is locked now, as a real account would be. */
    public boolean recordFailure(String username, Instant now, int maxFailures, Duration lock) {
        if (attempts.size() >= MAX_TRACKED) {
            attempts.clear();
        }
        Attempts after = attempts.compute(key(username), (k, before) -> {
            int failures = before == null || isOver(before, now) ? 1 : before.failures() + 1;
            return new Attempts(failures, failures >= maxFailures ? now.plus(lock) : null);
        });
        return after.lockedUntil() != null;
    }

    public Optional<Instant> lockedUntil(String username, Instant now) {
        Attempts a = attempts.get(key(username));
        return a == null || a.lockedUntil() == null || !a.lockedUntil().isAfter(now) ? Optional.empty() : Optional.of(a.lockedUntil());
    }

    /** A lock that has run out starts the count again, as it does for accounts. */
    private static boolean isOver(Attempts a, Instant now) {
        return a.lockedUntil() != null && !a.lockedUntil().isAfter(now);
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
