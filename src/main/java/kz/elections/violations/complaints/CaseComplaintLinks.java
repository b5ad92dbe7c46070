package kz.elections.violations.complaints;

import java.util.List;

import kz.elections.violations.cases.CaseComplaints;
import org.springframework.stereotype.Component;

/** The case view's side of the link between a case and its complaints: the complaints' own record of it. */
@Component
class CaseComplaintLinks implements CaseComplaints {

    private final Complaints complaints;

    CaseComplaintLinks(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public List<String> trackingNumbersOf(String caseNumber) {
        return complaints.trackingNumbersOfCase(caseNumber);
    }
}
