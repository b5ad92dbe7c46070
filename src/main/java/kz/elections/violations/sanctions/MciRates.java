package kz.elections.violations.sanctions;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The monthly calculation index (MCI) in tenge, one rate per year, kept in the application's tables. */
@Repository
public class MciRates {

    private final JdbcTemplate jdbc;

    public MciRates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BigDecimal> rateOf(int year) {
        return jdbc.queryForList("select tenge from mci_rate where rate_year = ?", BigDecimal.class, year)
                .stream().findFirst();
    }
}
