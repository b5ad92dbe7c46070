package kz.elections.violations.reporting;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reporting table's {@code region_code} of cases registered before regions were data. A running case gets
 * its code from its {@code regionCode} variable like every other column; the rows of ended cases, which no
 * variable changes any more, get it here from their region's text where it names a region (migration V9 fills
 * the exact names; this fills the rest of what the intake would have recognised, such as other spellings).
 */
@Component
public class CaseReportRegionCodes {

    private final JdbcTemplate jdbc;

    public CaseReportRegionCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param codeOf the region code a region's text names, if any
     * @return how many rows got a region code
     */
    public int fill(Function<String, Optional<String>> codeOf) {
        List<String> texts = jdbc.queryForList("select distinct region from case_report where region_code is null"
                + " and region is not null", String.class);
        int filled = 0;
        for (String text : texts) {
            Optional<String> code = codeOf.apply(text);
            if (code.isPresent()) {
                filled += jdbc.update("update case_report set region_code = ? where region_code is null and region = ?",
                        code.get(), text);
            }
        }
        return filled;
    }
}
