package kz.elections.violations.cases;

import java.util.List;
import java.util.Optional;

import kz.elections.violations.api.AccessDeniedException;
import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.reporting.CaseFilter;
import kz.elections.violations.reporting.CaseReportRepository;
import kz.elections.violations.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who reads which case, and who sees the offender's IIN or BIN in full: the one place that decides it
 * for the case list, its CSV, one case and its timeline. Auditors, prosecutors and admins read every case
 * and its timeline; the CEC reads one case at a time (the consent it decides on); a district commission's
 * members read the cases of their own district. Prosecutors and the
 * case's own commission see identifiers in full, everyone else masked ({@code model.IdentifierMask}).
 */
@Component
public class CaseAccess {

    private final CurrentUser currentUser;
    private final CaseReportRepository reports;

    CaseAccess(CurrentUser currentUser, CaseReportRepository reports) {
        this.currentUser = currentUser;
        this.reports = reports;
    }

    /** Whether the user reads every case (not only the own district's). */
    public boolean readsEveryCase() {
        return currentUser.isAdmin() || currentUser.isInAny(CurrentUser.AUDITORS, CurrentUser.PROSECUTORS);
    }

    /** The filter as the user may apply it: a commission member's is limited to the own district. */
    public CaseFilter readable(CaseFilter filter) {
        return readsEveryCase() ? filter : filter.withinDistricts(ownDistrictsOrRefuse());
    }

    /** Refuses (404, the case is not revealed to exist) a case the user may not read. */
    public void requireReadable(String caseNumber, Optional<String> districtOfCase) {
        if (!readsEveryCase() && districtOfCase.filter(ownDistrictsOrRefuse()::contains).isEmpty()) {
            throw new NotFoundException("No case with number " + caseNumber);
        }
    }

    /** Refuses one case (GET /api/cases/{n}) the user may not read: the CEC reads any single case. */
    public void requireOneCaseReadable(String caseNumber, String districtOfCase) {
        if (!currentUser.isInAny(CurrentUser.CEC) && (!readsEveryCase()
                && (districtOfCase == null || !currentUser.districtCommissions().contains(districtOfCase)))) {
            throw new NotFoundException("No case with number " + caseNumber);
        }
    }

    /** Refuses a case the user may not read, looked up by its number in the reporting table. */
    public void requireReadable(String caseNumber) {
        requireReadable(caseNumber, readsEveryCase() ? Optional.empty() : reports.districtCommissionOf(caseNumber));
    }

    /** Whether the user sees identifiers in full in a case of this district (null: in the list). */
    public boolean showsIdentifiers(String districtOfCase) {
        if (currentUser.isInAny(CurrentUser.PROSECUTORS)) {
            return true;
        }
        List<String> own = currentUser.districtCommissions();
        return districtOfCase == null ? !readsEveryCase() && !own.isEmpty() : own.contains(districtOfCase);
    }

    private List<String> ownDistrictsOrRefuse() {
        List<String> districts = currentUser.districtCommissions();
        if (districts.isEmpty()) {
            throw new AccessDeniedException("Cases are read by auditors, prosecutors and district commissions");
        }
        return districts;
    }
}
