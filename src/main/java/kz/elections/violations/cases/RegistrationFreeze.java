package kz.elections.violations.cases;

import static kz.elections.violations.cases.CaseVariables.*;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionCalendarChanged;
import kz.elections.violations.election.ElectionRepository;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The freeze on registration changes: from the election's D-2 00:00 (local time) no candidate's
 * registration is cancelled or restored. The election table is the source of truth for the moment;
 * each case keeps a copy in {@code registrationFreezeFrom} for its timers, and this class moves those
 * copies and timers when the election's calendar changes.
 */
@Component
public class RegistrationFreeze {

    /** The timers of ViolationCase whose due date is the freeze moment. */
    public static final List<String> FREEZE_TIMERS = List.of(
            "Timer_FreezeWithdrawsCancellation", "Timer_FreezeWithdrawsRestore", "Timer_FreezeEndsQuashingWait");

    private final ElectionRepository elections;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    public RegistrationFreeze(ElectionRepository elections, RuntimeService runtimeService,
                              ManagementService managementService) {
        this.elections = elections;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    public Election election(String electionId) {
        return elections.find(electionId)
                .orElseThrow(() -> new IllegalStateException("the case's election " + electionId + " does not exist"));
    }

    /** True from the freeze moment on: exactly at D-2 00:00 the freeze is in force. */
    public boolean isInForce(String electionId) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return !now.isBefore(election(electionId).registrationFreezeFrom());
    }

    /** Plain words for the case record: when the freeze began and why it matters. */
    public String describe(String electionId) {
        Election election = election(electionId);
        ZonedDateTime moment = election.registrationFreezeFrom().atZone(election.zone());
        return "the registration freeze of " + election.name() + " began at " + moment.toOffsetDateTime()
                + " (D-2 00:00, " + election.timeZone() + "); in the final two days before voting no registration"
                + " is cancelled or restored (Constitutional Law \"On Elections\", art. 89 para 4-3)";
    }

    /**
     * Every open case of the election follows its new calendar: the freeze moment each case keeps is
     * updated and its freeze timers recomputed; a timer whose new moment has passed is due at once and
     * fires on the job executor's next acquisition.
     */
    @EventListener
    public void onCalendarChanged(ElectionCalendarChanged change) {
        Election election = change.after();
        Date freezeFrom = Date.from(election.registrationFreezeFrom());
        List<ProcessInstance> openCases = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(ELECTION_ID, election.id())
                .list();
        for (ProcessInstance openCase : openCases) {
            runtimeService.setVariable(openCase.getId(), REGISTRATION_FREEZE_FROM, freezeFrom);
        }
        Set<String> caseIds = openCases.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        for (String timer : FREEZE_TIMERS) {
            List<Job> jobs = managementService.createJobQuery()
                    .processDefinitionKey(PROCESS_KEY).timers().activityId(timer).list();
            for (Job job : jobs) {
                if (caseIds.contains(job.getProcessInstanceId())) {
                    managementService.recalculateJobDuedate(job.getId(), false);
                }
            }
        }
    }
}
