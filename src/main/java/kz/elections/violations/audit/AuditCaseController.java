package kz.elections.violations.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import kz.elections.violations.api.AccessDeniedException;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only view of cases: the list with its filters and paging, its CSV export, and one case's
 * timeline. Auditors and prosecutors (and admins) read every case; a district commission's members read
 * the cases of their own district (a candidate's or an observer's), so a member whose task was withdrawn
 * by the registration freeze can see why. Prosecutors and the case's commission see the offender's full
 * IIN or BIN, everyone else its last four digits.
 */
@RestController
@RequestMapping("/api")
public class AuditCaseController {

    static final int MAX_PAGE_SIZE = 500;

    private final CaseReportRepository reports;
    private final CaseTimelineService timelines;
    private final CurrentUser currentUser;

    public AuditCaseController(CaseReportRepository reports, CaseTimelineService timelines, CurrentUser currentUser) {
        this.reports = reports;
        this.timelines = timelines;
        this.currentUser = currentUser;
    }

    @GetMapping("/cases")
    public CasePage list(CaseFilterParams params,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        CaseFilter filter = readable(params.toFilter());
        boolean identifiers = showsIdentifiers();
        List<CaseSummary> items = reports.page(filter, page, size).stream()
                .map(row -> identifiers ? row : row.masked()).toList();
        return new CasePage(page, size, reports.count(filter), items);
    }

    @GetMapping("/cases.csv")
    public void export(CaseFilterParams params, HttpServletResponse response) throws IOException {
        CaseFilter filter = readable(params.toFilter());
        boolean identifiers = showsIdentifiers();
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"cases.csv\"");
        Writer writer = response.getWriter();
        Csv csv = new Csv(writer);
        csv.row(Arrays.asList("caseNumber", "electionId", "region", "code", "article", "part", "offenderKind",
                "offenderName", "offenderIin", "offenderBin", "districtCommission", "source", "committedOn",
                "registeredAt", "closedAt", "status", "outcome", "registration", "consentRequested",
                "consentGranted", "rulingOutcome", "fineMci", "fineTenge", "abbreviated", "processVersion"));
        try {
            reports.forEach(filter, row -> {
                CaseSummary shown = identifiers ? row : row.masked();
                try {
                    csv.row(Arrays.asList(shown.caseNumber(), shown.electionId(), shown.region(), shown.code(),
                            shown.article(), shown.part(), shown.offenderKind(), shown.offenderName(),
                            shown.offenderIin(), shown.offenderBin(), shown.districtCommission(), shown.source(),
                            shown.committedOn(), shown.registeredAt(), shown.closedAt(), shown.status(),
                            shown.outcome(), shown.registration(), shown.consentRequested(), shown.consentGranted(),
                            shown.rulingOutcome(), shown.fineMci() == null ? null : shown.fineMci().toPlainString(),
                            shown.fineTenge(), shown.abbreviated(), shown.processVersion()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    @GetMapping("/cases/{caseNumber}/history")
    public CaseTimeline history(@PathVariable String caseNumber) {
        if (!readsEveryCase()) {
            List<String> districts = ownDistrictsOrRefuse();
            if (reports.districtCommissionOf(caseNumber).filter(districts::contains).isEmpty()) {
                // a case outside the member's district is not revealed to exist
                throw new NotFoundException("No case with number " + caseNumber);
            }
        }
        boolean showIdentifiers = showsIdentifiers();
        // the groups are checked above; the engine's variable permissions govern its own REST API
        return currentUser.withoutEngineChecks(() -> timelines.timeline(caseNumber, showIdentifiers));
    }

    private boolean readsEveryCase() {
        return currentUser.isAdmin() || currentUser.isInAny(CurrentUser.AUDITORS, CurrentUser.PROSECUTORS);
    }

    private List<String> ownDistrictsOrRefuse() {
        List<String> districts = currentUser.districtCommissions();
        if (districts.isEmpty()) {
            throw new AccessDeniedException("Cases are read by auditors, prosecutors and district commissions");
        }
        return districts;
    }

    /** The filter as the user may apply it: a commission member's is limited to the own district. */
    private CaseFilter readable(CaseFilter filter) {
        return readsEveryCase() ? filter : filter.withinDistricts(ownDistrictsOrRefuse());
    }

    /** Prosecutors see full IINs/BINs, and so does a commission member, who only reads the own district's cases. */
    private boolean showsIdentifiers() {
        return currentUser.isInAny(CurrentUser.PROSECUTORS) || !readsEveryCase();
    }
}
