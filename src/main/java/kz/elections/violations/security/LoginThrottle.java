package kz.elections.violations.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Says whether a client may try a password for an account now, and counts the wrong ones. Three counts
 * (see {@link LoginThrottleProperties} for their limits) lock out only the client that sent the wrong
 * passwords, never the account for everyone:
 * <ul>
 * <li>per account and client: after a few wrong passwords that client cannot log in with that account for a
 * while, even with the right password; any other client can;</li>
 * <li>per client: a client that tries many accounts is refused (429) for accounts it has not logged in with
 * before;</li>
 * <li>per account: when many clients send wrong passwords for one account, only clients that have logged in
 * with it before (from the same address, within the known-client period) may still try it.</li>
 * </ul>
 * A right password clears its account and client's count and makes the client known for the account.
 * Logins whose outcome is not known yet count as possible wrong passwords while they run, so that many
 * logins sent at once cannot pass a limit before the first of them has failed; a client known for the
 * account is not held back this way unless it has wrong passwords of its own. The state lives in memory,
 * in maps of bounded size, for this node only.
 */
class LoginThrottle {

    private final LoginThrottleProperties limits;
    private final Clock clock;
    private final RecentEntries<Key, Failures> failures;
    private final RecentEntries<Key, Instant> lastSuccess;
    /** Logins let through and not yet ended, by count: at most as many as the server has threads. */
    private final Map<Key, Integer> underWay = new HashMap<>();

    LoginThrottle(LoginThrottleProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.failures = new RecentEntries<>(limits.maxEntries());
        this.lastSuccess = new RecentEntries<>(limits.maxEntries());
    }

    /** A count's subject: an account from a client, a client, or an account. */
    record Key(char kind, String account, String client) {

        static Key pair(String account, String client) {
            return new Key('p', account, client);
        }

        static Key client(String client) {
            return new Key('c', null, client);
        }

        static Key account(String account) {
            return new Key('a', account, null);
        }
    }

    /**
     * Lets a login of {@code account} from {@code client} through, or refuses it. A login beyond what may
     * run at once waits, at most {@code longest-wait}, for the outcome of those under way.
     */
    synchronized Admission admit(String account, String client) throws InterruptedException {
        String name = account.toLowerCase(Locale.ROOT);
        Key pair = Key.pair(name, client);
        long deadline = System.nanoTime() + limits.longestWait().toNanos();
        while (true) {
            Instant now = clock.instant();
            boolean known = isKnown(pair, now);
            Optional<LoginRefusal> refusal = lockOf(pair, now).map(LoginRefusal::lockedForThisClient);
            if (refusal.isEmpty() && !known) {
                refusal = lockOf(Key.account(name), now).map(LoginRefusal::lockedForNewClients)
                        .or(() -> lockOf(Key.client(client), now).map(LoginRefusal::tooManyFromThisClient));
            }
            if (refusal.isPresent()) {
                return new Admission(this, pair, List.of(), refusal.get());
            }
            List<Key> held = known ? (count(pair).isEmpty(now, limits.window()) ? List.of() : List.of(pair))
                    : List.of(pair, Key.client(client), Key.account(name));
            if (held.stream().allMatch(key -> underWay.getOrDefault(key, 0) < allowedAtOnce(key, now))) {
                held.forEach(key -> underWay.merge(key, 1, Integer::sum));
                return new Admission(this, pair, held, null);
            }
            long waitMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (waitMillis <= 0) {
                return new Admission(this, pair, List.of(), LoginRefusal.tooManyAtOnce());
            }
            wait(waitMillis);
        }
    }

    private synchronized void end(Admission admission, LoginOutcome outcome) {
        admission.held.forEach(key -> underWay.computeIfPresent(key, (k, logins) -> logins > 1 ? logins - 1 : null));
        Instant now = clock.instant();
        Key pair = admission.pair;
        switch (outcome) {
            case SUCCEEDED -> {
                failures.remove(pair);
                lastSuccess.put(pair, now);
            }
            case FAILED -> {
                count(pair, now, limits.failuresPerAccountAndClient());
                count(Key.client(pair.client()), now, limits.failuresPerClient());
                count(Key.account(pair.account()), now, limits.failuresPerAccount());
            }
            case UNDECIDED -> {
            }
        }
        notifyAll();
    }

    private void count(Key key, Instant now, int limit) {
        failures.put(key, count(key).afterFailure(now, limit, limits));
    }

    private Failures count(Key key) {
        Failures count = failures.get(key);
        return count == null ? Failures.NONE : count;
    }

    private Optional<Duration> lockOf(Key key, Instant now) {
        return count(key).lockRemaining(now);
    }

    private int allowedAtOnce(Key key, Instant now) {
        int limit = switch (key.kind()) {
            case 'p' -> limits.failuresPerAccountAndClient();
            case 'c' -> limits.failuresPerClient();
            default -> limits.failuresPerAccount();
        };
        return count(key).loginsAllowedAtOnce(now, limit, limits.window());
    }

    private boolean isKnown(Key pair, Instant now) {
        Instant last = lastSuccess.get(pair);
        return last != null && now.isBefore(last.plus(limits.knownClientPeriod()));
    }

    /** A login let through (to be ended with its outcome) or refused. */
    static final class Admission {

        private final LoginThrottle throttle;
        private final Key pair;
        private final List<Key> held;
        private final LoginRefusal refusal;
        private boolean ended;

        private Admission(LoginThrottle throttle, Key pair, List<Key> held, LoginRefusal refusal) {
            this.throttle = throttle;
            this.pair = pair;
            this.held = held;
            this.refusal = refusal;
        }

        Optional<LoginRefusal> refusal() {
            return Optional.ofNullable(refusal);
        }

        /** Records the outcome of a login let through; later calls, and calls for a refusal, do nothing. */
        void end(LoginOutcome outcome) {
            if (refusal == null && !ended) {
                ended = true;
                throttle.end(this, outcome);
            }
        }
    }
}
