package kz.elections.violations.sanctions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** Converts a fine in MCI to tenge at the MCI of the year the offence was committed. */
@Component
public class FinePricing {

    private final MciRates rates;

    public FinePricing(MciRates rates) {
        this.rates = rates;
    }

    /**
     * @return the fine in whole tenge (rounded half up)
     * @throws MissingMciRateException when no MCI is recorded for the offence's year
     */
    public long toTenge(BigDecimal fineMci, LocalDate committedOn) {
        int year = committedOn.getYear();
        BigDecimal rate = rates.rateOf(year).orElseThrow(() -> new MissingMciRateException(year));
        return fineMci.multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    public static class MissingMciRateException extends RuntimeException {
        public MissingMciRateException(int year) {
            super("no MCI rate is recorded for " + year + ", the year the offence was committed; "
                    + "an administrator must add it before a fine can be priced");
        }
    }
}
