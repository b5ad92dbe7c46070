package kz.elections.violations.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import kz.elections.violations.api.AccessDeniedException;
import kz.elections.violations.api.Csv;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.intake.CaseIntakeRequest;
import kz.elections.violations.intake.CaseIntakeService;
import kz.elections.violations.reporting.CaseFilter;
import kz.elections.violations.reporting.CaseFilterParams;
import kz.elections.violations.reporting.CasePage;
import kz.elections.violations.reporting.CaseReportRepository;
import kz.elections.violations.reporting.CaseSummary;
import kz.elections.violations.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/cases}: registering a fact, the list of cases with its filters and paging, its CSV export,
 * and one case. Who reads which case and who sees identifiers in full: {@link CaseAccess}.
 */
@RestController
@RequestMapping("/api")
class CaseController {

    static final int MAX_PAGE_SIZE = 500;

    private final CaseIntakeService intake;
    private final CaseQueries queries;
    private final CaseReportRepository reports;
    private final CaseAccess access;
    private final CurrentUser currentUser;

    CaseController(CaseIntakeService intake, CaseQueries queries, CaseReportRepository reports, CaseAccess access,
                   CurrentUser currentUser) {
        this.intake = intake;
        this.queries = queries;
        this.reports = reports;
        this.access = access;
        this.currentUser = currentUser;
    }

    @PostMapping("/cases")
    ResponseEntity<CaseIntakeService.RegisteredCase> register(@RequestBody CaseIntakeRequest request) {
        if (!currentUser.isAdmin() && !currentUser.isProsecutor()) {
            throw new AccessDeniedException("Facts are registered by prosecutors (" + CurrentUser.PROSECUTORS + " or "
                    + CurrentUser.REGIONAL_PROSECUTORS_PREFIX + "<region code>)");
        }
        access.requireMayRegister(request.region());
        CaseIntakeService.RegisteredCase registered = intake.register(request);
        return ResponseEntity.created(URI.create("/api/cases/" + registered.caseNumber())).body(registered);
    }

    @GetMapping("/cases")
    CasePage list(CaseFilterParams params, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        CaseFilter filter = access.readable(params.toFilter());
        boolean identifiers = access.showsIdentifiers(null);
        List<CaseSummary> items = reports.page(filter, page, size).stream()
                .map(row -> identifiers ? row : row.masked()).toList();
        return new CasePage(page, size, reports.count(filter), items);
    }

    @GetMapping("/cases.csv")
    void export(CaseFilterParams params, HttpServletResponse response) throws IOException {
        CaseFilter filter = access.readable(params.toFilter());
        boolean identifiers = access.showsIdentifiers(null);
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"cases.csv\"");
        Writer writer = response.getWriter();
        Csv csv = new Csv(writer);
        csv.row(Arrays.asList("caseNumber", "electionId", "region", "code", "article", "part", "offenderKind",
                "offenderName", "offenderIin", "offenderBin", "districtCommission", "source", "committedOn",
                "registeredAt", "closedAt", "status", "outcome", "registration", "consentRequested",
                "consentGranted", "rulingOutcome", "fineMci", "fineTenge", "abbreviated", "processVersion",
                "regionCode"));
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
                            shown.fineTenge(), shown.abbreviated(), shown.processVersion(), shown.regionCode()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    /** One case; 404 for anyone who may not read it. */
    @GetMapping("/cases/{caseNumber}")
    CaseView get(@PathVariable String caseNumber) {
        CaseView view = currentUser.withoutEngineChecks(() -> queries.get(caseNumber));
        String district = view.offender().districtCommission();
        access.requireOneCaseReadable(caseNumber, access.scopeOf(caseNumber)
                .orElseGet(() -> new CaseReportRepository.CaseScope(district, view.regionCode())));
        return access.showsIdentifiers(district) ? view : view.withMaskedIdentification();
    }
}
