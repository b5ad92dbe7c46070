package kz.elections.violations.deadlineview;

import static kz.elections.violations.model.CaseVariables.ELECTION_ID;
import static kz.elections.violations.model.CaseVariables.PROCESS_KEY;
import static kz.elections.violations.model.CaseVariables.REGION;
import static kz.elections.violations.model.CaseVariables.REGION_CODE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.election.Election;
import kz.elections.violations.security.CurrentUser;
import kz.elections.violations.triage.TriageVariables;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Builds the deadlines view: the grouped counts of {@link OpenTaskCounts} and a bounded list of the most
 * urgent tasks (the engine's task query, due before the end of the week, ordered by due date, one page),
 * of every case or of the cases of some regions (a regional prosecutors' office's view), and of the triage
 * tasks of the complaints of those regions, which belong to no case and no district commission.
 */
@Service
class DeadlinesService {

    private final OpenTaskCounts counts;
    private final TaskService taskService;
    private final CurrentUser currentUser;
    private final NamedParameterJdbcTemplate jdbc;

    DeadlinesService(OpenTaskCounts counts, TaskService taskService, CurrentUser currentUser,
                     NamedParameterJdbcTemplate jdbc) {
        this.counts = counts;
        this.taskService = taskService;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /** @param regionCodes the regions whose cases count, or null for every case */
    DeadlinesView view(String electionId, int limit, List<String> regionCodes) {
        List<OpenTaskCounts.ElectionRows> rows = counts.everyElection(regionCodes).stream()
                .filter(e -> electionId == null || e.election().id().equals(electionId)).toList();
        if (electionId != null && rows.isEmpty()) {
            throw new NotFoundException("No election " + electionId);
        }
        Instant now = rows.isEmpty() ? ClockUtil.getCurrentTime().toInstant()
                : rows.get(0).at();
        DueCounts totals = DueCounts.none();
        List<DeadlinesView.ElectionDeadlines> elections = new ArrayList<>();
        Map<String, DueBoundaries> boundaries = new HashMap<>();
        for (OpenTaskCounts.ElectionRows election : rows) {
            Election e = election.election();
            boundaries.put(e.id(), DueBoundaries.at(now, e.zone()));
            DueCounts sum = DueCounts.none();
            Map<String, DueCounts> byDistrict = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
            Map<String, DueCounts> byTask = new TreeMap<>();
            for (OpenTaskCounts.Row row : election.rows()) {
                sum = sum.plus(row.counts());
                if (!row.complaint()) {
                    byDistrict.merge(row.districtCommission(), row.counts(), DueCounts::plus);
                }
                byTask.merge(row.taskDefinitionKey(), row.counts(), DueCounts::plus);
            }
            totals = totals.plus(sum);
            Instant freeze = e.registrationFreezeFrom();
            long untilFreeze = Math.max(0, Duration.between(now, freeze).toMillis());
            elections.add(new DeadlinesView.ElectionDeadlines(e.id(), e.name(), e.level().name(), e.votingDay(),
                    e.timeZone(), freeze, untilFreeze, !now.isBefore(freeze), sum.counts(),
                    byDistrict.entrySet().stream().map(d -> new DeadlinesView.DistrictDeadlines(d.getKey(),
                            d.getValue().counts())).toList(),
                    byTask.entrySet().stream().map(t -> new DeadlinesView.TaskDeadlines(t.getKey(),
                            t.getValue().counts())).toList()));
        }
        return new DeadlinesView(now, totals.counts(), elections, urgent(electionId, boundaries, limit, regionCodes));
    }

    private List<DeadlinesView.UrgentTask> urgent(String electionId, Map<String, DueBoundaries> boundaries,
                                                  int limit, List<String> regionCodes) {
        Instant horizon = boundaries.values().stream().map(DueBoundaries::endOfWeek).max(Comparator.naturalOrder())
                .orElse(null);
        if (horizon == null || regionCodes != null && regionCodes.isEmpty()) {
            return List.of();
        }
        List<Task> tasks = new ArrayList<>(currentUser.withoutEngineChecks(() -> urgentQuery(PROCESS_KEY, REGION_CODE,
                electionId, horizon, regionCodes).listPage(0, limit)));
        // the triage tasks of complaints: their region variable holds the region's code
        tasks.addAll(currentUser.withoutEngineChecks(() -> urgentQuery(TriageVariables.PROCESS_KEY, REGION, electionId, horizon,
                regionCodes).listPage(0, limit)));
        tasks.sort(Comparator.comparing(Task::getDueDate).thenComparing(Task::getId));
        List<String> instances = tasks.stream().map(Task::getProcessInstanceId).distinct().toList();
        Map<String, String[]> cases = cases(instances);
        Map<String, String[]> complaints = complaints(instances);
        List<DeadlinesView.UrgentTask> urgent = new ArrayList<>();
        for (Task task : tasks) {
            String[] report = cases.get(task.getProcessInstanceId());
            String[] complaint = complaints.get(task.getProcessInstanceId());
            String election = report != null ? report[1] : complaint != null ? complaint[1] : null;
            DueBoundaries b = boundaries.get(election);
            Instant due = task.getDueDate().toInstant();
            DueState state = b == null ? null : b.of(due);
            if (state == null || state == DueState.LATER || urgent.size() == limit) {
                // due before another election's end of week, but not before its own
                continue;
            }
            urgent.add(new DeadlinesView.UrgentTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                    report == null ? null : report[0], complaint == null ? null : complaint[0], election,
                    report == null ? null : report[2], due, state, task.getAssignee()));
        }
        return urgent;
    }

    private TaskQuery urgentQuery(String processKey, String regionVariable, String electionId, Instant horizon,
                                  List<String> regionCodes) {
        TaskQuery query = taskService.createTaskQuery().processDefinitionKey(processKey).dueBefore(Date.from(horizon));
        if (electionId != null) {
            query.processVariableValueEquals(ELECTION_ID, electionId);
        }
        if (regionCodes != null) {
            TaskQuery anyRegion = query.or();
            for (String code : regionCodes) {
                anyRegion = anyRegion.processVariableValueEquals(regionVariable, code);
            }
            anyRegion.endOr();
        }
        return query.orderByDueDate().asc().orderByTaskId().asc();
    }

    /** Tracking number and election of each complaint whose triage is one of the process instances. */
    private Map<String, String[]> complaints(List<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String[]> complaints = new HashMap<>();
        jdbc.query("select process_instance_id, tracking_number, election_id from complaint"
                        + " where process_instance_id in (:ids)", new MapSqlParameterSource("ids", processInstanceIds),
                row -> {
                    complaints.put(row.getString(1), new String[] {row.getString(2), row.getString(3)});
                });
        return complaints;
    }

    /** Case number, election and district commission of each case, from the reporting table. */
    private Map<String, String[]> cases(List<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String[]> cases = new LinkedHashMap<>();
        jdbc.query("select process_instance_id, case_number, election_id, district_commission from case_report"
                        + " where process_instance_id in (:ids)", new MapSqlParameterSource("ids", processInstanceIds),
                row -> {
                    cases.put(row.getString(1), new String[] {row.getString(2), row.getString(3), row.getString(4)});
                });
        return cases;
    }
}
