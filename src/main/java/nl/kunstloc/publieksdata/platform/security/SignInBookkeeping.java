package nl.kunstloc.publieksdata.platform.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * What a sign-in writes on the account: the failure count, the lock and the time of the last sign-in.
 * Plain SQL updates, each one statement that reads and writes the row at once, so two sign-ins of one
 * account at the same moment (a double click, a phone and a laptop) both succeed instead of one failing on
 * the entity's version (issue 11, finding 5), and concurrent wrong passwords are each counted (the row lock
 * orders them) instead of overwriting each other's count. The entity's version is not touched: this is
 * bookkeeping, not an edit of the account that others could overwrite.
 */
final class SignInBookkeeping {

    /** Runs one SQL update with positional parameters and answers the number of rows changed. */
    @FunctionalInterface
    interface Update {
        int run(String sql, Object... parameters);
    }

    private final Update update;
    private final int maxFailures;
    private final Duration lockTime;

    SignInBookkeeping(Update update, int maxFailures, Duration lockTime) {
        this.update = update;
        this.maxFailures = maxFailures;
        this.lockTime = lockTime;
    }

    /**
     * A right password: the count goes back to 0 and the time is noted, unless the account was locked
     * meanwhile (by wrong passwords at the same moment): then false, and the sign-in is refused.
     */
    boolean recordSuccess(long userId, Instant now) {
        Timestamp at = Timestamp.from(now);
        return update.run("UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = ? "
                + "WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)", at, userId, at) == 1;
    }

    /** A wrong password: counted; the maxFailures-th in a row locks the account for the lock time. Answers whether it is locked now. */
    boolean recordFailure(long userId, Instant now) {
        update.run("UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = ?", userId);
        return update.run("UPDATE app_user SET failed_logins = 0, locked_until = ? WHERE id = ? AND failed_logins >= ?",
                Timestamp.from(now.plus(lockTime)), userId, maxFailures) == 1;
    }
}
