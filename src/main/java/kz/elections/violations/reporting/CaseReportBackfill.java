package kz.elections.violations.reporting;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.elections.violations.model.CaseVariables;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cases that the engine's history holds but the reporting table does not (those started before the
 * table existed) are added from history at start-up. A database whose table is complete costs two
 * counts.
 */
@Component
public class CaseReportBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(CaseReportBackfill.class);
    private static final int PAGE = 500;

    private final HistoryService history;
    private final JdbcTemplate jdbc;

    public CaseReportBackfill(HistoryService history, JdbcTemplate jdbc) {
        this.history = history;
        this.jdbc = jdbc;
    }

    @Order(0)
    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        int added = backfill();
        if (added > 0) {
            LOG.info("Added {} cases to the reporting table from the engine's history", added);
        }
    }

    /** @return how many rows were added */
    public int backfill() {
        long inHistory = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CaseVariables.PROCESS_KEY).count();
        Long reported = jdbc.queryForObject("select count(*) from case_report", Long.class);
        if (reported != null && reported >= inHistory) {
            return 0;
        }
        Set<String> known = new HashSet<>(jdbc.queryForList("select process_instance_id from case_report",
                String.class));
        CaseReportWriter writer = new CaseReportWriter(jdbc);
        int added = 0;
        for (int first = 0; first < inHistory; first += PAGE) {
            List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(CaseVariables.PROCESS_KEY).orderByProcessInstanceId().asc()
                    .listPage(first, PAGE);
            for (HistoricProcessInstance instance : instances) {
                if (!known.contains(instance.getId())) {
                    writer.write(instance.getId(), columns(instance), true);
                    added++;
                }
            }
        }
        return added;
    }

    private Map<String, Object> columns(HistoricProcessInstance instance) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("started_at", new Timestamp(instance.getStartTime().getTime()));
        columns.put("process_definition_id", instance.getProcessDefinitionId());
        columns.put("process_version", instance.getProcessDefinitionVersion());
        columns.put("case_number", instance.getBusinessKey());
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).list()) {
            boolean caseScope = variable.getActivityInstanceId() == null
                    || variable.getActivityInstanceId().equals(instance.getId());
            if (caseScope && ReportedVariables.isReported(variable.getName())) {
                columns.put(ReportedVariables.column(variable.getName()),
                        ReportedVariables.columnValue(variable.getName(), variable.getValue()));
            }
        }
        boolean consentRequested = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(CaseReportHistoryHandler.CONSENT_TASK).count() > 0;
        columns.put("consent_requested", consentRequested);
        if (instance.getEndTime() != null) {
            columns.put("ended_at", new Timestamp(instance.getEndTime().getTime()));
            columns.put("case_status", "CLOSED");
        }
        return columns;
    }
}
