package kz.elections.violations.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock ({@link ClockUtil}) as a {@link Clock}: the system's time, unless a test has set the
 * engine's time. The application's own time rules (intake dates, the freeze, legal effect, case numbers)
 * read this clock, and so do the login throttle's locks, so that a test lets a lock expire as it lets a
 * deadline pass.
 */
final class EngineClock extends Clock {

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the engine's clock has no zone of its own");
    }
}
