package kz.elections.violations.triage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import kz.elections.violations.complaints.ComplaintAccess;
import kz.elections.violations.model.CaseVariables;
import kz.elections.violations.regions.Region;
import kz.elections.violations.regions.Regions;
import kz.elections.violations.reporting.CaseReportRepository;
import kz.elections.violations.reporting.CaseSummary;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The cases a triage meets: the case a complaint joins (it exists, and a regional office joins only its own
 * region's), and the open cases a complaint may be about. A case's region is its {@code regionCode}, or for
 * a case without one the region its {@code region} names.
 */
@Component
class TriageCases {

    /** The case's region code, as the intake writes it for the regional offices; older cases have none. */
    static final String CASE_REGION_CODE = "regionCode";

    private final HistoryService history;
    private final CaseReportRepository reports;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final ComplaintAccess access;

    TriageCases(HistoryService history, CaseReportRepository reports, Regions regions, CurrentUser currentUser,
                ComplaintAccess access) {
        this.history = history;
        this.reports = reports;
        this.regions = regions;
        this.currentUser = currentUser;
        this.access = access;
    }

    /** Whether the case exists and the user triaging may join a complaint to it. */
    boolean mayJoin(String caseNumber) {
        Set<String> limit = regionsOfRegionalOffice();
        return currentUser.withoutEngineChecks(() -> {
            List<HistoricProcessInstance> found = history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(CaseVariables.PROCESS_KEY).processInstanceBusinessKey(caseNumber)
                    .orderByProcessInstanceStartTime().desc().listPage(0, 1);
            if (found.isEmpty()) {
                return false;
            }
            return limit == null || regionOf(found.get(0).getId()).filter(limit::contains).isPresent();
        });
    }

    /** The open cases of the election about this offender or this day, within the regions (null: all). */
    List<CaseSummary> openCasesLike(String electionId, String offenderName, LocalDate day,
                                    Set<String> withinRegions, int limit) {
        return reports.openCasesOfElection(electionId, offenderName, day, limit * 2).stream()
                .filter(row -> withinRegions == null || regions.find(row.region()).map(Region::code)
                        .filter(withinRegions::contains).isPresent())
                .limit(limit).toList();
    }

    /**
     * The regions a user of regional offices only may join complaints to cases of; null for the General
     * Prosecutor's Office, an administrator, or the application itself (no user).
     */
    private Set<String> regionsOfRegionalOffice() {
        if (currentUser.id() == null || currentUser.isAdmin() || currentUser.isInAny(CurrentUser.PROSECUTORS)) {
            return null;
        }
        return access.ownRegions();
    }

    private Optional<String> regionOf(String processInstanceId) {
        String code = null;
        String named = null;
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableNameIn(CASE_REGION_CODE, CaseVariables.REGION).list()) {
            if (variable.getValue() instanceof String text) {
                if (CASE_REGION_CODE.equals(variable.getName())) {
                    code = text;
                } else {
                    named = text;
                }
            }
        }
        return code != null ? Optional.of(code) : regions.find(named).map(Region::code);
    }
}
