package kz.elections.violations.notifications;

import static kz.elections.violations.model.CaseVariables.CASE_NUMBER;
import static kz.elections.violations.model.CaseVariables.ELECTION_ID;
import static kz.elections.violations.model.CaseVariables.PROCESS_KEY;
import static kz.elections.violations.security.CurrentUser.PROSECUTORS;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.escalation.TaskEscalated;
import kz.elections.violations.security.CurrentUser;
import kz.elections.violations.steps.CaseClosed;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the outbox's rows for what happens in a case, inside the engine's transaction (the listeners run
 * in it): a rolled-back change writes none, and a committed one has its rows committed with it.
 * <ul>
 * <li>a task of a case is created: each member of its candidate groups (and its candidate users and
 * assignee);</li>
 * <li>a task escalates ({@link TaskEscalated}): the same people (for a registration task, the district
 * commission), and the prosecutors of the case (who registered it, and who worked its tasks);</li>
 * <li>a case closes ({@link CaseClosed}): the prosecutor who registered it (the user who started it).</li>
 * </ul>
 * The task event is the one the Camunda Spring Boot starter publishes for every user task of every
 * deployed process (its engine plugin adds a task listener to each user task when the process is parsed).
 */
@Component
class NotificationWriter {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Almaty");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NotificationWriter.class);

    private final Recipients recipients;
    private final NotificationMessages messages;
    private final NotificationOutbox outbox;
    private final ElectionRepository elections;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final CurrentUser currentUser;

    NotificationWriter(Recipients recipients, NotificationMessages messages, NotificationOutbox outbox,
                       ElectionRepository elections, TaskService taskService, HistoryService historyService,
                       IdentityService identityService, CurrentUser currentUser) {
        this.identityService = identityService;
        this.recipients = recipients;
        this.messages = messages;
        this.outbox = outbox;
        this.elections = elections;
        this.taskService = taskService;
        this.historyService = historyService;
        this.currentUser = currentUser;
    }

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getProcessDefinitionId() == null
                || !task.getProcessDefinitionId().startsWith(PROCESS_KEY + ":")
                || !(task.getVariable(CASE_NUMBER) instanceof String caseNumber)) {
            return;
        }
        Set<String> groups = new LinkedHashSet<>();
        Set<String> users = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            } else if (link.getUserId() != null) {
                users.add(link.getUserId());
            }
        }
        if (task.getAssignee() != null) {
            users.add(task.getAssignee());
        }
        var facts = new NotificationMessages.TaskFacts(task.getId(), task.getName(), caseNumber,
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), zone(task.getVariable(ELECTION_ID)));
        write("task-created:" + task.getId(), caseNumber, recipients.of(groups, users),
                language -> messages.taskCreated(language, facts));
    }

    @EventListener
    public void onTaskEscalated(TaskEscalated escalated) {
        record Found(Task task, List<IdentityLink> links, Set<String> prosecutors) {
        }
        Found found = currentUser.withoutEngineChecks(() -> {
            Task task = taskService.createTaskQuery().taskId(escalated.taskId()).singleResult();
            return task == null ? null : new Found(task, taskService.getIdentityLinksForTask(task.getId()),
                    prosecutorsOf(escalated.processInstanceId()));
        });
        if (found == null) {
            return;
        }
        Set<String> groups = new LinkedHashSet<>();
        Set<String> users = new LinkedHashSet<>();
        for (IdentityLink link : found.links()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType()) && !IdentityLinkType.ASSIGNEE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            } else if (link.getUserId() != null) {
                users.add(link.getUserId());
            }
        }
        if (found.task().getAssignee() != null) {
            users.add(found.task().getAssignee());
        }
        users.addAll(found.prosecutors());
        Task task = found.task();
        var facts = new NotificationMessages.TaskFacts(task.getId(), task.getName(), escalated.caseNumber(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), zone(escalated.electionId()));
        write("task-escalated:" + task.getId() + ":" + escalated.kind(), escalated.caseNumber(),
                recipients.of(groups, users), language -> messages.taskEscalated(language, facts, escalated.kind()));
    }

    @EventListener
    public void onCaseClosed(CaseClosed closed) {
        String startUser = currentUser.withoutEngineChecks(() -> startUser(closed.processInstanceId()));
        if (startUser == null || closed.caseNumber() == null) {
            return;
        }
        write("case-closed:" + closed.activityInstanceId(), closed.caseNumber(), recipients.of(List.of(), List.of(startUser)),
                language -> messages.caseClosed(language, closed.caseNumber(), closed.outcome()));
    }

    private void write(String eventKey, String caseNumber, Collection<Recipients.Recipient> to,
                       java.util.function.Function<String, NotificationMessages.Message> messageIn) {
        if (Silence.isOn()) {
            return;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        for (Recipients.Recipient recipient : new ArrayList<>(to)) {
            NotificationMessages.Message message;
            try {
                message = messageIn.apply(recipient.language());
            } catch (RuntimeException e) {
                // a message that cannot be worded never stops the work on the case
                LOG.error("Notification {} for {} not written", eventKey, recipient.userId(), e);
                continue;
            }
            outbox.add(eventKey, recipient.userId(), recipient.email(), recipient.language(), message.subject(),
                    message.body(), caseNumber, now);
        }
    }

    /**
     * The prosecutors of the case: the one who registered it, and every member of a prosecutors' group
     * (the General Prosecutor's Office or a regional office) who has worked one of its tasks.
     */
    private Set<String> prosecutorsOf(String processInstanceId) {
        Set<String> prosecutors = new LinkedHashSet<>();
        String startUser = startUser(processInstanceId);
        if (startUser != null) {
            prosecutors.add(startUser);
        }
        historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).taskAssigned().list()
                .stream().map(HistoricTaskInstance::getAssignee).distinct()
                .filter(assignee -> identityService.createGroupQuery().groupMember(assignee).list().stream()
                        .map(Group::getId).anyMatch(NotificationWriter::isProsecutorsGroup))
                .forEach(prosecutors::add);
        return prosecutors;
    }

    private static boolean isProsecutorsGroup(String groupId) {
        return PROSECUTORS.equals(groupId) || groupId.startsWith(PROSECUTORS + "-");
    }

    private String startUser(String processInstanceId) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return instance == null ? null : instance.getStartUserId();
    }

    private ZoneId zone(Object electionId) {
        return electionId instanceof String id ? elections.find(id).map(Election::zone).orElse(DEFAULT_ZONE)
                : DEFAULT_ZONE;
    }
}
