package kz.elections.violations.timeline;

import kz.elections.violations.cases.CaseAccess;
import kz.elections.violations.reporting.CaseReportRepository;
import kz.elections.violations.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's timeline, for those who may read the case ({@link CaseAccess}). */
@RestController
class TimelineController {

    private final CaseTimelineService timelines;
    private final CaseReportRepository reports;
    private final CaseAccess access;
    private final CurrentUser currentUser;

    TimelineController(CaseTimelineService timelines, CaseReportRepository reports, CaseAccess access,
                       CurrentUser currentUser) {
        this.timelines = timelines;
        this.reports = reports;
        this.access = access;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/cases/{caseNumber}/history")
    CaseTimeline history(@PathVariable String caseNumber) {
        access.requireReadable(caseNumber);
        boolean showIdentifiers = access.showsIdentifiers(reports.districtCommissionOf(caseNumber).orElse(null));
        // the groups are checked above; the engine's variable permissions govern its own REST API
        return currentUser.withoutEngineChecks(() -> timelines.timeline(caseNumber, showIdentifiers));
    }
}
