package kz.elections.violations.triage;

import java.util.function.LongSupplier;

/**
 * How many complaints a node receives a second: those of the second under way and of the one before it,
 * whichever is more (a burst counts from its first second, and for a second after its last).
 */
final class ReceiptRate {

    private static final long SECOND = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private long secondStarted;
    private int thisSecond;
    private int lastSecond;

    ReceiptRate(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.secondStarted = nanoTime.getAsLong();
    }

    /** Counts one more complaint: the rate with it. */
    synchronized int received() {
        long seconds = (nanoTime.getAsLong() - secondStarted) / SECOND;
        if (seconds > 0) {
            lastSecond = seconds == 1 ? thisSecond : 0;
            thisSecond = 0;
            secondStarted += seconds * SECOND;
        }
        thisSecond++;
        return Math.max(thisSecond, lastSecond);
    }
}
