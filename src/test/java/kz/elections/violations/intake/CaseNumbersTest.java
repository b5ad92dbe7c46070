package kz.elections.violations.intake;

import kz.elections.violations.intake.CaseNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Case numbers when two cases are the first of their year at the same moment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseNumbersTest {

    @Autowired
    CaseNumbers caseNumbers;
    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void twoFirstCasesOfAYearAtOnceGetTheFirstTwoNumbers() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2041-06-01T06:00:00Z")));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch firstHasItsNumber = new CountDownLatch(1);
        try {
            // the first case's transaction is still open (its counter row locked) when the second asks
            Future<String> first = pool.submit(() -> transaction.execute(status -> {
                ClockUtil.setCurrentTime(Date.from(Instant.parse("2041-06-01T06:00:00Z")));
                String number = caseNumbers.next();
                firstHasItsNumber.countDown();
                pause(500);
                return number;
            }));
            assertThat(firstHasItsNumber.await(30, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> transaction.execute(status -> {
                ClockUtil.setCurrentTime(Date.from(Instant.parse("2041-06-01T06:00:00Z")));
                return caseNumbers.next();
            }));
            assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
                    .containsExactly("2041-000001", "2041-000002");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
