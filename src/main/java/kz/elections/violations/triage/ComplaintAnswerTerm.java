package kz.elections.violations.triage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import kz.elections.violations.complaints.Complaint;
import kz.elections.violations.complaints.Complaints;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.model.CaseVariables;
import kz.elections.violations.sanctions.WorkingDays;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The due date of {@code Task_TriageComplaint}: the law's term for answering a complaint, from the newest
 * deployed version of the decision table {@code ComplaintAnswerTerm}, which administrators revise in Camunda
 * Modeler. Its input is the number of days from the day the complaint arrives to the election's voting day,
 * in the election's zone; its row gives a term ({@code P5D}) and how it is counted:
 * <ul>
 * <li>{@code CALENDAR_DAYS}: the term added to the moment of receipt;</li>
 * <li>{@code WORKING_DAYS}: to the end of the n-th working day after the day of receipt
 * ({@code sanctions.WorkingDays});</li>
 * <li>{@code END_OF_DAY}: to the end of the n-th calendar day after the day of receipt ({@code P1D}: the end
 * of the next day).</li>
 * </ul>
 */
@Component("complaintAnswerTerm")
public class ComplaintAnswerTerm {

    static final String CALENDAR_DAYS = "CALENDAR_DAYS";
    static final String WORKING_DAYS = "WORKING_DAYS";
    static final String END_OF_DAY = "END_OF_DAY";

    private final DecisionService decisions;
    private final ElectionRepository elections;
    private final WorkingDays workingDays;
    private final CurrentUser currentUser;
    private final Complaints complaints;

    ComplaintAnswerTerm(DecisionService decisions, ElectionRepository elections, WorkingDays workingDays,
                        CurrentUser currentUser, Complaints complaints) {
        this.complaints = complaints;
        this.decisions = decisions;
        this.elections = elections;
        this.workingDays = workingDays;
        this.currentUser = currentUser;
    }

    /**
     * The triage task's due date (the process model's expression): the complaint's, recorded with its receipt
     * (its triage may start a moment later, or later still when many complaints arrive at once); for a triage
     * of no known complaint, the term counted from now.
     */
    public Date dueDate(DelegateExecution execution) {
        Object trackingNumber = execution.getVariable(TriageVariables.TRACKING_NUMBER);
        Optional<Complaint> complaint = trackingNumber instanceof String number ? complaints.find(number)
                : Optional.empty();
        if (complaint.isPresent() && complaint.get().answerDueAt() != null) {
            return Date.from(complaint.get().answerDueAt());
        }
        Object electionId = execution.getVariable(CaseVariables.ELECTION_ID);
        Election election = electionId instanceof String id ? elections.find(id).orElse(null) : null;
        Instant received = complaint.map(Complaint::receivedAt).orElseGet(() -> ClockUtil.getCurrentTime().toInstant());
        return Date.from(due(election, received));
    }

    /** When the answer to a complaint of the election received at the moment is due. */
    Instant due(Election election, Instant receivedAt) {
        ZoneId zone = election == null ? ZoneId.of("Asia/Almaty") : election.zone();
        Long daysUntilVoting = election == null ? null
                : ChronoUnit.DAYS.between(receivedAt.atZone(zone).toLocalDate(), election.votingDay());
        DmnDecisionRuleResult row = currentUser.withoutEngineChecks(() -> decisions
                .evaluateDecisionTableByKey(TriageVariables.ANSWER_TERM_DECISION)
                .variables(Variables.createVariables().putValue("daysUntilVoting", daysUntilVoting))
                .evaluate().getFirstResult());
        if (row == null) {
            throw new IllegalStateException(TriageVariables.ANSWER_TERM_DECISION + " has no row for " + daysUntilVoting
                    + " days until voting: keep a last row for any other complaint");
        }
        Map<String, Object> entries = row.getEntryMap();
        String term = (String) entries.get("term");
        String counting = (String) entries.get("counting");
        ZonedDateTime received = receivedAt.atZone(zone);
        if (WORKING_DAYS.equals(counting)) {
            LocalDate lastDay = workingDays.workingDaysAfter(received.toLocalDate(), days(term));
            return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        }
        if (END_OF_DAY.equals(counting)) {
            return received.toLocalDate().plusDays(days(term) + 1L).atStartOfDay(zone).toInstant();
        }
        if (counting != null && !counting.isBlank() && !CALENDAR_DAYS.equals(counting)) {
            throw new IllegalStateException(TriageVariables.ANSWER_TERM_DECISION + ": unknown counting '" + counting + "'");
        }
        try {
            return term != null && term.contains("T") ? received.plus(Duration.parse(term)).toInstant()
                    : received.plus(Period.parse(term)).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException(TriageVariables.ANSWER_TERM_DECISION + ": term '" + term
                    + "' is not an ISO-8601 period or duration such as P5D", e);
        }
    }

    private static int days(String term) {
        try {
            Period period = Period.parse(term);
            if (period.toTotalMonths() != 0) {
                throw new IllegalStateException(TriageVariables.ANSWER_TERM_DECISION + ": working days and days to "
                        + "the end of a day are counted in days, not '" + term + "'");
            }
            return period.getDays();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException(TriageVariables.ANSWER_TERM_DECISION + ": term '" + term
                    + "' is not an ISO-8601 period in days such as P15D", e);
        }
    }
}
