package kz.elections.violations.intake;

import kz.elections.violations.api.CaseRuleViolation;
import kz.elections.violations.model.CaseStatus;
import kz.elections.violations.model.OffenderKind;
import kz.elections.violations.model.Registration;
import static kz.elections.violations.model.CaseVariables.*;

import java.util.List;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.sanctions.OffenceCatalogue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_FactRegistered}: whichever way a case starts (the project API,
 * the Tasklist start form, the engine's REST API), its facts pass the intake rules, it gets a case
 * number as its business key and the state the case API reports; its region is kept by its English name
 * and its code ({@code regionCode}), whichever name or code it was registered with.
 */
@Component("registerFact")
public class RegisterFact {

    private final IntakeRules rules;
    private final CaseNumbers caseNumbers;
    private final DuplicateFacts duplicateFacts;
    private final OffenceCatalogue catalogue;
    private final ElectionRepository elections;

    public RegisterFact(IntakeRules rules, CaseNumbers caseNumbers, DuplicateFacts duplicateFacts, OffenceCatalogue catalogue,
                        ElectionRepository elections) {
        this.catalogue = catalogue;
        this.elections = elections;
        this.rules = rules;
        this.caseNumbers = caseNumbers;
        this.duplicateFacts = duplicateFacts;
    }

    public void execute(DelegateExecution execution) {
        List<FieldProblem> problems = rules.check(execution.getVariables());
        if (!problems.isEmpty()) {
            throw CaseRuleViolation.factNotRegistered(problems);
        }
        // a case keeps its day in ISO form, whether it was typed as 01.03.2023 or sent as 2023-03-01
        String committedOn = (String) execution.getVariable(COMMITTED_ON);
        String isoDay = IntakeRules.parseDay(committedOn.strip()).toString();
        if (!isoDay.equals(committedOn)) {
            execution.setVariable(COMMITTED_ON, isoDay);
        }
        // a case keeps its region by the region's English name, and its code, which names the region's
        // prosecutors' office (the rules above made sure the region is one)
        rules.region(execution.getVariable(REGION)).ifPresent(region -> {
            if (!region.name("en").equals(execution.getVariable(REGION))) {
                execution.setVariable(REGION, region.name("en"));
            }
            execution.setVariable(REGION_CODE, region.code());
        });
        for (String name : List.of(ARTICLE, PART, DISTRICT_COMMISSION)) {
            Object value = execution.getVariable(name);
            if (value instanceof Number number) {
                execution.setVariable(name, number.toString());
            }
        }
        if (execution.getVariable(CODE) == null) {
            execution.setVariable(CODE, IntakeRules.DEFAULT_CODE);
        }
        for (String flag : List.of(SUBSTANTIAL_HARM, EXPELLED_FROM_POLLING_STATION)) {
            if (execution.getVariable(flag) == null) {
                execution.setVariable(flag, false);
            }
        }
        List<String> duplicates = duplicateFacts.openCasesLike((String) execution.getVariable(OFFENDER_IIN),
                (String) execution.getVariable(OFFENDER_BIN), (String) execution.getVariable(CODE),
                (String) execution.getVariable(ARTICLE), (String) execution.getVariable(COMMITTED_ON));
        execution.setVariable(POSSIBLE_DUPLICATES, String.join(",", duplicates));
        catalogue.find((String) execution.getVariable(CODE), (String) execution.getVariable(ARTICLE),
                        (String) execution.getVariable(PART), execution.getVariable(OFFENDER_KIND))
                .ifPresent(offence -> execution.setVariable(OFFENCE_TITLE, offence.bilingualTitle()));
        // shown in Tasklist's list next to the case number; the rules above made sure the election exists
        elections.find((String) execution.getVariable(ELECTION_ID)).map(Election::name)
                .ifPresent(name -> execution.setVariable(ELECTION_NAME, name));
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey == null || businessKey.isBlank()) {
            businessKey = caseNumbers.next();
            execution.setProcessBusinessKey(businessKey);
        }
        execution.setVariable(CASE_NUMBER, businessKey);
        execution.setVariable(CASE_STATUS, CaseStatus.OPEN.name());
        if (OffenderKind.CANDIDATE.name().equals(execution.getVariable(OFFENDER_KIND))) {
            execution.setVariable(REGISTRATION, Registration.REGISTERED.name());
        }
    }
}
