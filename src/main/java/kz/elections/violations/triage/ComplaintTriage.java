package kz.elections.violations.triage;

import static kz.elections.violations.model.CaseVariables.COMMITTED_ON;
import static kz.elections.violations.model.CaseVariables.DESCRIPTION;
import static kz.elections.violations.model.CaseVariables.ELECTION_ID;
import static kz.elections.violations.model.CaseVariables.OFFENDER_KIND;
import static kz.elections.violations.model.CaseVariables.OFFENDER_NAME;
import static kz.elections.violations.model.CaseVariables.PLACE;
import static kz.elections.violations.model.CaseVariables.REGION;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.Set;
import kz.elections.violations.api.CaseRuleViolation;
import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.complaints.Complaint;
import kz.elections.violations.complaints.ComplaintFiles;
import kz.elections.violations.complaints.ComplaintReceived;
import kz.elections.violations.complaints.ComplaintStatus;
import kz.elections.violations.complaints.ComplaintWords;
import kz.elections.violations.complaints.Complaints;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.intake.CaseIntakeService;
import kz.elections.violations.model.CaseVariables;
import kz.elections.violations.regions.Region;
import kz.elections.violations.regions.Regions;
import kz.elections.violations.reporting.CaseReportRepository;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The steps of ComplaintTriage. A complaint received gets, in the transaction that receives it, the job that
 * starts its triage ({@link TriageStartJob}), which its request runs right after the commit or, when the
 * node is busy with complaints, the job executor a moment later ({@link TriageStarts}). The triage runs as
 * the application (whoever sent the complaint): the complaint's facts become the triage's variables, which
 * the triage form shows and offers as the case's fields, and its region's prosecutors' group the task's
 * candidates; the answer's term counts from the complaint's receipt ({@link ComplaintAnswerTerm}). The
 * task's creation records its due date on the complaint and the similar complaints and open cases on the
 * task. Each outcome records the answer on the complaint once and tells the complainant:
 * ACCEPT opens a case through the intake ({@link CaseIntakeService}, source COMPLAINT, the case variable
 * {@code complaintTrackingNumber}); MERGE joins the complaint to the case; both carry the complaint's files
 * over as the case's evidence ({@link ComplaintEvidence}); REJECT keeps the reason, which the
 * complainant reads.
 */
@Component("complaintTriage")
public class ComplaintTriage {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintTriage.class);

    private final RuntimeService runtime;
    private final Complaints complaints;
    private final ComplaintFiles files;
    private final ComplaintWords words;
    private final ElectionRepository elections;
    private final Regions regions;
    private final CaseIntakeService intake;
    private final SimilarComplaints similar;
    private final ComplainantNotice notice;
    private final CurrentUser currentUser;
    private final ComplaintEvidence evidence;
    private final CaseReportRepository reports;
    private final ProcessEngineConfigurationImpl engine;
    private final TriageStarts starts;
    private final ComplaintAnswerTerm answerTerm;

    ComplaintTriage(ProcessEngineConfigurationImpl engine, TriageStarts starts, ComplaintAnswerTerm answerTerm,
                    RuntimeService runtime, Complaints complaints, ComplaintFiles files, ComplaintWords words,
                    ElectionRepository elections, Regions regions, CaseIntakeService intake,
                    SimilarComplaints similar, ComplainantNotice notice, CurrentUser currentUser,
                    ComplaintEvidence evidence, CaseReportRepository reports) {
        this.engine = engine;
        this.starts = starts;
        this.answerTerm = answerTerm;
        this.evidence = evidence;
        this.reports = reports;
        this.runtime = runtime;
        this.complaints = complaints;
        this.files = files;
        this.words = words;
        this.elections = elections;
        this.regions = regions;
        this.intake = intake;
        this.similar = similar;
        this.notice = notice;
        this.currentUser = currentUser;
    }

    /**
     * In the transaction that receives the complaint: the job that starts its triage, which the request runs
     * right after the commit or, when the node is busy with complaints, the job executor a moment later
     * ({@link TriageStarts}). A request that starts the triage records when the answer is due now, so that
     * its receipt tells it; on a busy node the triage's task does (the term counted from the receipt).
     */
    @EventListener
    public void onReceived(ComplaintReceived received) {
        String trackingNumber = received.trackingNumber();
        engine.getCommandExecutorTxRequired().execute(commandContext -> {
            starts.schedule(commandContext, trackingNumber, () -> {
                Complaint complaint = complaints.find(trackingNumber).orElseThrow();
                Election election = elections.find(complaint.electionId()).orElse(null);
                complaints.answerDue(trackingNumber, answerTerm.due(election, complaint.receivedAt()));
            });
            return null;
        });
    }

    /**
     * The job's work: starts the triage of a complaint waiting for one. A complaint that has its triage
     * (or its answer) already is left as it is.
     */
    void start(String trackingNumber) {
        Complaint complaint = complaints.find(trackingNumber).orElse(null);
        if (complaint == null || !complaint.waitsForTriage()) {
            LOG.info("Complaint {} needs no triage to start: {}", trackingNumber, complaint == null ? "not found"
                    : complaint.processInstanceId() != null ? "its triage runs" : "answered");
            return;
        }
        Region region = regions.byCode(complaint.regionCode()).orElseThrow();
        Map<String, Object> variables = new HashMap<>();
        variables.put(TriageVariables.TRACKING_NUMBER, complaint.trackingNumber());
        variables.put(ELECTION_ID, complaint.electionId());
        variables.put(TriageVariables.ELECTION_NAME, elections.find(complaint.electionId()).map(Election::name)
                .orElse(complaint.electionId()));
        variables.put(REGION, region.code());
        variables.put(TriageVariables.REGION_NAME, region.name("kk") + " / " + region.name("ru"));
        variables.put(TriageVariables.REGION_PROSECUTORS_GROUP, region.prosecutorsGroup());
        variables.put(COMMITTED_ON, complaint.committedOn().toString());
        variables.put(PLACE, complaint.place());
        variables.put(DESCRIPTION, complaint.description());
        variables.put(OFFENDER_NAME, complaint.offenderName());
        variables.put(OFFENDER_KIND, complaint.offenderKind());
        variables.put(TriageVariables.CHANNEL, complaint.channel().name());
        variables.put(TriageVariables.FILE_COUNT, (long) files.ofComplaint(complaint.trackingNumber()).size());
        variables.put(TriageVariables.ANONYMOUS, complaint.anonymous());
        variables.put(TriageVariables.CONSIDERED, complaint.considered());
        if (!complaint.considered()) {
            // the form's reason, offered: the law's answer to an anonymous complaint
            variables.put(TriageVariables.REASON, words.text(complaint.language(), "reason.anonymousNotConsidered"));
        }
        variables.values().removeIf(value -> value == null);
        currentUser.withoutEngineChecks(() -> runtime.createProcessInstanceByKey(TriageVariables.PROCESS_KEY)
                .businessKey(complaint.trackingNumber()).setVariables(variables).execute());
    }

    /** The start event's listener: a triage is the application's, one per complaint received. */
    public void started(DelegateExecution execution) {
        Object number = execution.getVariable(TriageVariables.TRACKING_NUMBER);
        Complaint complaint = number instanceof String tracking ? complaints.find(tracking).orElse(null) : null;
        if (complaint == null || !complaint.waitsForTriage()
                || !complaint.trackingNumber().equals(execution.getProcessBusinessKey())) {
            throw new CaseRuleViolation("A triage is started by the application for a complaint it receives: ",
                    List.of(new FieldProblem("variables." + TriageVariables.TRACKING_NUMBER,
                            "names no complaint waiting for its triage")));
        }
    }

    /**
     * The triage task's create listener: its due date on the complaint, and on the task the similar
     * complaints and open cases of the complaint's region.
     */
    public void taskCreated(DelegateTask task) {
        String trackingNumber = (String) task.getVariable(TriageVariables.TRACKING_NUMBER);
        complaints.triageStarted(trackingNumber, task.getProcessInstanceId(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
        Complaint complaint = complaints.find(trackingNumber).orElseThrow();
        // within the complaint's region: the task's candidates include that region's office
        String cluster = SimilarComplaints.summary(similar.of(complaint, Set.of(complaint.regionCode())));
        if (!cluster.isEmpty()) {
            task.setVariableLocal(TriageVariables.SIMILAR, cluster.length() > 3_900 ? cluster.substring(0, 3_900) + "…"
                    : cluster);
        }
    }

    /** ACCEPT: the case opens through the intake, linked both ways. */
    public void openCase(DelegateExecution execution) {
        Complaint complaint = complaint(execution);
        CaseFromComplaint.Built built = CaseFromComplaint.of(execution, complaint);
        CaseIntakeService.RegisteredCase registered;
        try {
            registered = intake.register(built.request());
        } catch (InvalidRequestException refused) {
            throw CaseRuleViolation.taskNotCompleted(refused.problems().stream()
                    .map(CaseFromComplaint::asCompletionField).toList());
        }
        runtime.setVariable(registered.processInstanceId(), CaseVariables.COMPLAINT_TRACKING_NUMBER,
                complaint.trackingNumber());
        evidence.carry(complaint, registered.caseNumber(), registered.processInstanceId());
        execution.setVariable(TriageVariables.CASE_NUMBER, registered.caseNumber());
        answered(execution, complaint, ComplaintStatus.ACCEPTED, null, registered.caseNumber());
    }

    /** MERGE: the complaint joins the existing case. */
    public void merge(DelegateExecution execution) {
        String caseNumber = ((String) execution.getVariable(TriageVariables.CASE_NUMBER)).strip();
        execution.setVariable(TriageVariables.CASE_NUMBER, caseNumber);
        Complaint complaint = complaint(execution);
        reports.processInstanceIdOf(caseNumber)
                .ifPresent(processInstanceId -> evidence.carry(complaint, caseNumber, processInstanceId));
        answered(execution, complaint, ComplaintStatus.MERGED, null, caseNumber);
    }

    /** REJECT: the reason is the answer. */
    public void reject(DelegateExecution execution) {
        String reason = ((String) execution.getVariable(TriageVariables.REASON)).strip();
        execution.removeVariable(TriageVariables.CASE_NUMBER);
        answered(execution, complaint(execution), ComplaintStatus.REJECTED, reason, null);
    }

    private void answered(DelegateExecution execution, Complaint complaint, ComplaintStatus status, String reason,
                          String caseNumber) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (!complaints.answer(complaint.trackingNumber(), status, reason, caseNumber,
                (String) execution.getVariable(TriageVariables.TRIAGED_BY), now)) {
            throw new IllegalStateException("Complaint " + complaint.trackingNumber() + " was answered before");
        }
        notice.tell(complaints.find(complaint.trackingNumber()).orElseThrow());
    }

    private Complaint complaint(DelegateExecution execution) {
        return complaints.find((String) execution.getVariable(TriageVariables.TRACKING_NUMBER)).orElseThrow();
    }
}
