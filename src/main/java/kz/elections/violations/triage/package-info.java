/**
 * The triage of complaints: the process {@code ComplaintTriage} (processes/complaint-triage.bpmn) started for
 * each complaint received, from a job written with the complaint ({@code TriageStartJob}) that its request runs
 * right after the commit or, when the node is busy with complaints, the job executor ({@code TriageStarts}),
 * its task {@code Task_TriageComplaint} for the prosecutors of the complaint's region
 * due at the law's term (decision {@code ComplaintAnswerTerm}), the rules of its completion (accept into a new
 * case through the intake, merge into an existing case, reject with a reason), the similar complaints and
 * open cases it suggests, and the complainant's e-mail about the answer.
 */
package kz.elections.violations.triage;
