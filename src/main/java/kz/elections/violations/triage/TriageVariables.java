package kz.elections.violations.triage;

import java.util.Set;

/** Names of the process ComplaintTriage, its task, form and variables. */
public final class TriageVariables {

    public static final String PROCESS_KEY = "ComplaintTriage";
    public static final String TASK = "Task_TriageComplaint";
    /** The id of the triage task's Camunda Form (forms/triage-complaint.form). */
    public static final String FORM_ID = "triage-complaint";
    /** The decision table of the answer's term (processes/complaint-answer-term.dmn). */
    public static final String ANSWER_TERM_DECISION = "ComplaintAnswerTerm";

    // written by the application when the triage starts, shown by the form
    public static final String TRACKING_NUMBER = "trackingNumber";
    /** {@code prosecutors-<region code>}: the candidate group of the complaint's region. */
    public static final String REGION_PROSECUTORS_GROUP = "regionProsecutorsGroup";
    public static final String REGION_NAME = "regionName";
    public static final String ELECTION_NAME = "electionName";
    public static final String CHANNEL = "channel";
    public static final String FILE_COUNT = "fileCount";
    public static final String ANONYMOUS = "anonymous";
    public static final String CONSIDERED = "considered";
    /** Task-local: the similar complaints and open cases when the task was created, as text. */
    public static final String SIMILAR = "similar";
    /** Who triaged it. */
    public static final String TRIAGED_BY = "triagedBy";

    // the form's fields beside the case's own (electionId, region, ... as the case names them)
    public static final String TRIAGE_DECISION = "triageDecision";
    /** MERGE: the existing case; after ACCEPT and MERGE, the case the complaint went to. */
    public static final String CASE_NUMBER = "caseNumber";
    /** REJECT: what the complainant reads. */
    public static final String REASON = "reason";

    /** The decisions of the triage task. */
    public static final String ACCEPT = "ACCEPT";
    public static final String MERGE = "MERGE";
    public static final String REJECT = "REJECT";

    /**
     * What only the application writes in a triage, never a field of its form: the integrity gate refuses
     * them in a completion, and a deployment whose triage form has one of them.
     */
    public static final Set<String> WRITTEN_BY_THE_APPLICATION = Set.of(TRACKING_NUMBER, REGION_PROSECUTORS_GROUP,
            REGION_NAME, ELECTION_NAME, CHANNEL, FILE_COUNT, ANONYMOUS, CONSIDERED, SIMILAR, TRIAGED_BY);

    private TriageVariables() {
    }
}
