package kz.elections.violations.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The wrong passwords of one account from one client, of one client, or of one account: how many since
 * the count began, how many locks they brought, and until when the last lock lasts. Once a count has
 * reached its limit, every further wrong password locks again, for twice as long as the lock before, up to
 * the longest lock. A count is forgotten after a whole window without a wrong password or a lock.
 */
record Failures(int count, int locks, Instant last, Instant lockedUntil) {

    static final Failures NONE = new Failures(0, 0, Instant.EPOCH, Instant.EPOCH);

    /** The count after one more wrong password at {@code now}, for a limit of {@code limit} wrong passwords. */
    Failures afterFailure(Instant now, int limit, LoginThrottleProperties limits) {
        Failures current = remembered(now, limits.window());
        int count = current.count + 1;
        if (current.locks == 0 && count < limit) {
            return new Failures(count, 0, now, current.lockedUntil);
        }
        return new Failures(count, current.locks + 1, now, now.plus(lock(current.locks, limits)));
    }

    /**
     * How many logins whose outcome is not known yet may run at once without being able to pass the limit:
     * each of them may turn out to be a wrong password.
     */
    int loginsAllowedAtOnce(Instant now, int limit, Duration window) {
        Failures current = remembered(now, window);
        return current.locks > 0 ? 1 : limit - current.count;
    }

    boolean isEmpty(Instant now, Duration window) {
        return remembered(now, window).count == 0;
    }

    Optional<Duration> lockRemaining(Instant now) {
        return lockedUntil.isAfter(now) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }

    private Failures remembered(Instant now, Duration window) {
        Instant quietSince = last.isAfter(lockedUntil) ? last : lockedUntil;
        return now.isBefore(quietSince.plus(window)) ? this : NONE;
    }

    private static Duration lock(int previousLocks, LoginThrottleProperties limits) {
        Duration lock = limits.firstLock().multipliedBy(1L << Math.min(previousLocks, 20));
        return lock.compareTo(limits.longestLock()) > 0 ? limits.longestLock() : lock;
    }
}
