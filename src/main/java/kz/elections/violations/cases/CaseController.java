package kz.elections.violations.cases;

import java.net.URI;

import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
public class CaseController {

    private final CaseIntakeService intake;
    private final CaseQueries queries;
    private final CurrentUser currentUser;

    public CaseController(CaseIntakeService intake, CaseQueries queries, CurrentUser currentUser) {
        this.intake = intake;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @PostMapping
    public ResponseEntity<CaseIntakeService.RegisteredCase> register(@RequestBody CaseIntakeRequest request) {
        currentUser.requireAnyOf(CurrentUser.PROSECUTORS);
        CaseIntakeService.RegisteredCase registered = intake.register(request);
        return ResponseEntity.created(URI.create("/api/cases/" + registered.caseNumber())).body(registered);
    }

    /**
     * A case for prosecutors, the CEC, auditors, admins and the district commission of the case; 404 for
     * anyone else. The offender's IIN/BIN is shown in full only to prosecutors and the case's commission.
     */
    @GetMapping("/{caseNumber}")
    public CaseView get(@PathVariable String caseNumber) {
        CaseView view = currentUser.withoutEngineChecks(() -> queries.get(caseNumber));
        String district = view.offender().districtCommission();
        boolean ownCommission = district != null
                && currentUser.isInAny(CurrentUser.DISTRICT_COMMISSION_PREFIX + district);
        if (!ownCommission && !currentUser.isAdmin()
                && !currentUser.isInAny(CurrentUser.PROSECUTORS, CurrentUser.AUDITORS, CurrentUser.CEC)) {
            // a case outside the user's groups is not revealed to exist
            throw new NotFoundException("No case with number " + caseNumber);
        }
        boolean seesIdentification = ownCommission || currentUser.isInAny(CurrentUser.PROSECUTORS);
        return seesIdentification ? view : view.withMaskedIdentification();
    }
}
