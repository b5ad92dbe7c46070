package kz.elections.violations.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of the login throttle ({@code security.login-throttle} in application.yaml).
 *
 * @param failuresPerAccountAndClient wrong passwords for one account from one client that lock the account
 *                                    for that client
 * @param failuresPerClient           wrong passwords from one client, for any accounts, that lock the client
 *                                    out of accounts it has not logged in as before
 * @param failuresPerAccount          wrong passwords for one account, from any clients, that lock the account
 *                                    for clients that have not logged in as it before
 * @param window                      a count is forgotten after this long without a wrong password or a lock
 * @param firstLock                   the first lock; every further wrong password while a count is
 *                                    remembered locks again for twice as long
 * @param longestLock                 no lock lasts longer
 * @param knownClientPeriod           how long a successful login of an account from a client lets that client
 *                                    through the client's and the account's locks
 * @param longestWait                 how long a login waits for the outcome of the same account's or client's
 *                                    logins under way before it is refused with 429
 * @param maxEntries                  at most this many counts and as many successful logins are remembered;
 *                                    the oldest are forgotten first
 */
@ConfigurationProperties("security.login-throttle")
record LoginThrottleProperties(
        @DefaultValue("5") int failuresPerAccountAndClient,
        @DefaultValue("20") int failuresPerClient,
        @DefaultValue("50") int failuresPerAccount,
        @DefaultValue("15m") Duration window,
        @DefaultValue("1m") Duration firstLock,
        @DefaultValue("15m") Duration longestLock,
        @DefaultValue("30d") Duration knownClientPeriod,
        @DefaultValue("5s") Duration longestWait,
        @DefaultValue("100000") int maxEntries) {

    LoginThrottleProperties {
        if (failuresPerAccountAndClient < 1 || failuresPerClient < 1 || failuresPerAccount < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("security.login-throttle: the failure limits and max-entries are at least 1");
        }
        if (firstLock.isNegative() || firstLock.isZero() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("security.login-throttle: first-lock is positive and longest-lock "
                    + "at least as long");
        }
    }
}
