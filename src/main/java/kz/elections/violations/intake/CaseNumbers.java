package kz.elections.violations.intake;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out readable case numbers, {@code <year>-<six-digit number within the year>}, from a counter
 * row per year. The row is locked by the update until the transaction that starts the case commits,
 * so two nodes never hand out the same number.
 * <p>
 * A year's row is created by the first case of the year in a transaction of its own, committed at once:
 * two cases registered at the same moment as the year's first both find the row then, instead of one of
 * them failing on the other's uncommitted insert.
 */
@Component
public class CaseNumbers {

    private static final ZoneId NUMBERING_ZONE = ZoneId.of("Asia/Almaty");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next() {
        int year = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), NUMBERING_ZONE).getYear();
        if (increment(year) == 0) {
            createCounter(year);
            increment(year);
        }
        Integer number = jdbc.queryForObject(
                "select last_number from case_number_counter where case_year = ?", Integer.class, year);
        return String.format("%d-%06d", year, number);
    }

    private int increment(int year) {
        return jdbc.update("update case_number_counter set last_number = last_number + 1 where case_year = ?", year);
    }

    private void createCounter(int year) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "insert into case_number_counter (case_year, last_number) values (?, 0)", year));
        } catch (DuplicateKeyException createdByAnotherCase) {
            // the other case's transaction committed the row first: count on it
        }
    }
}
