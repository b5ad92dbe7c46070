package kz.elections.violations.reporting;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kz.elections.violations.model.CaseVariables;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * Runs beside the engine's database history handler and keeps {@code case_report} in step with every
 * ViolationCase. The changes of one engine command are collected and written when the command closes
 * successfully, inside its transaction; a failed command writes nothing.
 */
class CaseReportHistoryHandler implements HistoryEventHandler {

    static final String CONSENT_TASK = "Task_DecideConsent";

    private final CaseReportWriter writer;
    private final Map<CommandContext, CommandChanges> pending = new ConcurrentHashMap<>();

    CaseReportHistoryHandler(CaseReportWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!CaseVariables.PROCESS_KEY.equals(event.getProcessDefinitionKey()) || event.getProcessInstanceId() == null) {
            return;
        }
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            return;
        }
        String processInstanceId = event.getProcessInstanceId();
        if (event instanceof HistoricProcessInstanceEventEntity instance) {
            processInstanceEvent(changes(commandContext).of(processInstanceId), instance);
        } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
            boolean caseScope = variable.getScopeActivityInstanceId() == null
                    || variable.getScopeActivityInstanceId().equals(processInstanceId);
            if (caseScope && ReportedVariables.isReported(variable.getVariableName())
                    && !event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE)) {
                String name = variable.getVariableName();
                changes(commandContext).of(processInstanceId).columns.put(ReportedVariables.column(name),
                        ReportedVariables.columnValue(name, HistoricValues.valueOf(variable)));
            }
        } else if (event instanceof HistoricActivityInstanceEventEntity activity
                && CONSENT_TASK.equals(activity.getActivityId())
                && event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START)) {
            changes(commandContext).of(processInstanceId).columns.put("consent_requested", true);
        }
    }

    private static void processInstanceEvent(CaseChanges changes, HistoricProcessInstanceEventEntity instance) {
        if (instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
            changes.started = true;
            changes.columns.put("started_at", timestamp(instance.getStartTime()));
            changes.columns.put("process_definition_id", instance.getProcessDefinitionId());
            changes.columns.put("process_version", version(instance));
        }
        if (instance.getBusinessKey() != null) {
            changes.columns.put("case_number", instance.getBusinessKey());
        }
        if (instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
            changes.columns.put("ended_at", timestamp(instance.getEndTime()));
            changes.columns.put("case_status", "CLOSED");
        }
        if (instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_MIGRATE)) {
            changes.columns.put("process_definition_id", instance.getProcessDefinitionId());
            changes.columns.put("process_version", version(instance));
        }
    }

    private static Integer version(HistoryEvent event) {
        if (event.getProcessDefinitionVersion() != null) {
            return event.getProcessDefinitionVersion();
        }
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(event.getProcessDefinitionId());
        return definition == null ? null : definition.getVersion();
    }

    private static Timestamp timestamp(java.util.Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    private CommandChanges changes(CommandContext commandContext) {
        return pending.computeIfAbsent(commandContext, context -> {
            CommandChanges changes = new CommandChanges();
            context.registerCommandContextListener(changes);
            return changes;
        });
    }

    private static final class CaseChanges {
        final Map<String, Object> columns = new LinkedHashMap<>();
        boolean started;
    }

    /** What one command changed, per case; written when the command closes without error. */
    private final class CommandChanges implements CommandContextListener {
        private final Map<String, CaseChanges> cases = new LinkedHashMap<>();

        CaseChanges of(String processInstanceId) {
            return cases.computeIfAbsent(processInstanceId, id -> new CaseChanges());
        }

        @Override
        public void onCommandContextClose(CommandContext commandContext) {
            pending.remove(commandContext);
            cases.forEach((id, changes) -> writer.write(id, changes.columns, changes.started));
        }

        @Override
        public void onCommandFailed(CommandContext commandContext, Throwable failure) {
            pending.remove(commandContext);
        }
    }
}
