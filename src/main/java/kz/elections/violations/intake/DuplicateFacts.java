package kz.elections.violations.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import kz.elections.violations.reporting.CaseReportRepository;
import org.springframework.stereotype.Component;

/**
 * A new fact about the same offender (IIN or BIN), article and day as an open case may be the same
 * violation reported twice. It is flagged, never merged: the prosecutor decides at Task_CheckFact.
 * <p>
 * The open cases are looked up in the reporting table (one row per case, kept in the engine's own
 * transaction, indexed by the offender's identifier), not with a process instance query over the engine's
 * variables, which joins ACT_RU_VARIABLE once per criterion and reads every open case's variables.
 */
@Component
public class DuplicateFacts {

    private final CaseReportRepository reports;

    public DuplicateFacts(CaseReportRepository reports) {
        this.reports = reports;
    }

    /** Case numbers of the open cases that look like the same fact. */
    public List<String> openCasesLike(String iin, String bin, String code, String article, String committedOn) {
        if ((iin == null && bin == null) || article == null || committedOn == null) {
            return List.of();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(committedOn);
        } catch (DateTimeParseException e) {
            return List.of();
        }
        return reports.openCasesLike(iin, bin, code, article, day);
    }
}
