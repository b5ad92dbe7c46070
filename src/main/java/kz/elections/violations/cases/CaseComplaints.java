package kz.elections.violations.cases;

import java.util.List;

/**
 * The complaints that went to a case, accepted into it or merged with it, by their tracking numbers: the
 * complaints feature answers it, so that the case view lists them without the cases reading complaints.
 */
public interface CaseComplaints {

    /** The tracking numbers of the case's complaints, oldest first; empty for a case no complaint went to. */
    List<String> trackingNumbersOf(String caseNumber);
}
