package kz.elections.violations.cases;

import java.util.List;
import java.util.Optional;

import kz.elections.violations.api.AccessDeniedException;
import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.regions.Region;
import kz.elections.violations.regions.Regions;
import kz.elections.violations.reporting.CaseFilter;
import kz.elections.violations.reporting.CaseReportRepository;
import kz.elections.violations.reporting.CaseReportRepository.CaseScope;
import kz.elections.violations.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who reads which case, who registers a fact of which region, and who sees the offender's IIN or BIN in
 * full: the one place that decides it for the case list, its CSV, one case, its timeline, the statistics and
 * the deadlines. Auditors, the General Prosecutor's Office ({@code prosecutors}) and admins read every case
 * and its timeline; a regional prosecutors' office ({@code prosecutors-<region code>}) reads the cases of its
 * region (by the case's region code; a case without one is the General Prosecutor's Office's alone) and
 * registers facts of its region only; the CEC reads one case at a time (the consent it decides on); a
 * district commission's members read the cases of their own district. Prosecutors and the case's own
 * commission see identifiers in full, everyone else masked ({@code model.IdentifierMask}).
 */
@Component
public class CaseAccess {

    private final CurrentUser currentUser;
    private final CaseReportRepository reports;
    private final Regions regions;

    CaseAccess(CurrentUser currentUser, CaseReportRepository reports, Regions regions) {
        this.currentUser = currentUser;
        this.reports = reports;
        this.regions = regions;
    }

    /** Whether the user reads every case (not only the own district's or region's). */
    public boolean readsEveryCase() {
        return currentUser.isAdmin() || currentUser.isInAny(CurrentUser.AUDITORS, CurrentUser.PROSECUTORS);
    }

    /** The regions whose cases a regional prosecutors' office of the user reads (none for everyone else). */
    public List<String> ownRegions() {
        return currentUser.prosecutorsRegions();
    }

    /** The filter as the user may apply it: a commission's or regional office's is limited to its own cases. */
    public CaseFilter readable(CaseFilter filter) {
        return readsEveryCase() ? filter : filter.within(ownDistrictsOrRefuse(), ownRegions());
    }

    /**
     * The statistics' filter as the user may apply it: auditors, the General Prosecutor's Office, the CEC and
     * admins count every case, a regional prosecutors' office its own region's; anyone else is refused (403).
     */
    public CaseFilter countable(CaseFilter filter) {
        if (readsEveryCase() || currentUser.isInAny(CurrentUser.CEC)) {
            return filter;
        }
        if (ownRegions().isEmpty()) {
            throw new AccessDeniedException("The statistics are read by auditors, prosecutors and the CEC");
        }
        return filter.within(List.of(), ownRegions());
    }

    /** Refuses (404, the case is not revealed to exist) a case the user may not read, by the reporting table. */
    public void requireReadable(String caseNumber) {
        if (readsEveryCase()) {
            return;
        }
        ownDistrictsOrRefuse();
        if (!readsOwn(reports.scopeOf(caseNumber).orElse(null))) {
            throw new NotFoundException("No case with number " + caseNumber);
        }
    }

    /** Refuses one case (GET /api/cases/{n}) the user may not read: the CEC reads any single case. */
    public void requireOneCaseReadable(String caseNumber, CaseScope scopeOfCase) {
        if (!currentUser.isInAny(CurrentUser.CEC) && !readsEveryCase() && !readsOwn(scopeOfCase)) {
            throw new NotFoundException("No case with number " + caseNumber);
        }
    }

    /** The case's district commission and region code as the reporting table has them. */
    public Optional<CaseScope> scopeOf(String caseNumber) {
        return reports.scopeOf(caseNumber);
    }

    /** Whether the user sees identifiers in full in a case of this district (null: in the list). */
    public boolean showsIdentifiers(String districtOfCase) {
        if (currentUser.isProsecutor()) {
            return true;
        }
        List<String> own = currentUser.districtCommissions();
        return districtOfCase == null ? !readsEveryCase() && !own.isEmpty() : own.contains(districtOfCase);
    }

    /**
     * Why a user of these groups may not register a fact of this region, if they may not: a regional
     * prosecutors' office registers the facts of its own region only. Empty for the General Prosecutor's
     * Office and admins (any region), for a region that names none (the intake rules refuse it with 400
     * naming {@code region}) and for users of no prosecutors' office (the API and the engine's grants refuse them).
     */
    public Optional<String> refusesRegistration(List<String> groups, Object region) {
        List<String> ownRegions = CurrentUser.prosecutorsRegionsOf(groups);
        if (groups.contains(CurrentUser.PROSECUTORS) || groups.contains(CurrentUser.ADMINS)
                || groups.contains(CurrentUser.CAMUNDA_ADMIN) || ownRegions.isEmpty()) {
            return Optional.empty();
        }
        Optional<Region> named = region instanceof String text ? regions.find(text) : Optional.empty();
        return named.filter(found -> !ownRegions.contains(found.code())).map(found ->
                "A regional prosecutors' office registers the facts of its own region (" + String.join(", ", ownRegions)
                        + "); " + found.name("en") + " (" + found.code() + ") is registered by its own office or the "
                        + "General Prosecutor's Office");
    }

    /** Refuses (403) a fact of another region registered by a regional prosecutors' office. */
    public void requireMayRegister(Object region) {
        Optional<String> refusal = refusesRegistration(currentUser.groups(), region);
        if (refusal.isPresent()) {
            throw new AccessDeniedException(refusal.get());
        }
    }

    /** Whether a regional prosecutors' office of a user of these groups reads a case of this region code. */
    public static boolean regionalOfficeReads(List<String> groups, String regionCode) {
        return regionCode != null && CurrentUser.prosecutorsRegionsOf(groups).contains(regionCode);
    }

    /** The user's district commissions; refuses (403) a user who reads cases of no district and no region. */
    private List<String> ownDistrictsOrRefuse() {
        List<String> districts = currentUser.districtCommissions();
        if (districts.isEmpty() && ownRegions().isEmpty()) {
            throw new AccessDeniedException("Cases are read by auditors, prosecutors and district commissions");
        }
        return districts;
    }

    private boolean readsOwn(CaseScope scope) {
        if (scope == null) {
            return false;
        }
        return scope.districtCommission() != null && currentUser.districtCommissions().contains(scope.districtCommission())
                || regionalOfficeReads(currentUser.groups(), scope.regionCode());
    }
}
