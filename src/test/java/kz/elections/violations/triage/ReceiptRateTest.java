package kz.elections.violations.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The complaints a node receives a second, by a clock the test moves. */
class ReceiptRateTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final ReceiptRate rate = new ReceiptRate(now::get);

    private void after(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    @Test
    void countsTheSecondUnderWay() {
        assertThat(rate.received()).isEqualTo(1);
        after(300);
        assertThat(rate.received()).isEqualTo(2);
        after(300);
        assertThat(rate.received()).isEqualTo(3);
    }

    @Test
    void aBurstCountsForTheSecondAfterItAndIsForgottenAfterThat() {
        for (int i = 0; i < 30; i++) {
            rate.received();
        }
        after(1_200);
        assertThat(rate.received()).as("the second after the burst").isEqualTo(30);
        after(1_000);
        assertThat(rate.received()).as("two seconds on: the second before held one").isEqualTo(1);
        after(5_000);
        assertThat(rate.received()).as("after a pause").isEqualTo(1);
    }
}
