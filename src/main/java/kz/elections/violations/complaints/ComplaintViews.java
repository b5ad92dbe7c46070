package kz.elections.violations.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the complaints API answers: the public status, a complaint for the staff, the staff's list. */
final class ComplaintViews {

    private ComplaintViews() {
    }

    /**
     * {@code GET /api/complaints/{trackingNumber}} without credentials: nothing personal (no contact, no
     * offender, no description, no names of staff).
     *
     * @param answer      a rejection's reason, or the application's sentence for an accepted or merged
     *                    complaint (which names the case's number); null while it waits for its triage
     * @param answerDueAt when the answer is due; null once it is answered
     */
    record PublicStatus(String trackingNumber, String status, Instant receivedAt, String answer, Instant answerDueAt) {
    }

    /** The complainant's contact details: shown only to the prosecutors who may triage the complaint. */
    record Contact(String name, String email, String phone) {
    }

    record Offender(String name, String kind) {
    }

    /**
     * A complaint as its readers see it.
     *
     * @param contact      null for a reader who does not triage it, or when none was given
     * @param contactGiven whether the complainant gave contact details
     * @param triageTaskId the open triage task (Task_TriageComplaint); null once answered
     * @param answer       a rejection's reason as the complainant reads it
     */
    record ComplaintView(String trackingNumber, String status, String channel, Long partnerId, String partnerName,
                         String electionId, String region, LocalDate committedOn, String place, String description,
                         Offender offender, Contact contact, boolean contactGiven, boolean anonymous,
                         boolean considered, String language, Instant receivedAt, Instant answerDueAt,
                         Instant answeredAt, String answeredBy, String answer, String caseNumber, String triageTaskId,
                         List<ComplaintFiles.StoredFile> files) {
    }

    /** One complaint of the staff's list (no contact details). */
    record ComplaintSummary(String trackingNumber, String status, String channel, String electionId, String region,
                            LocalDate committedOn, String place, String offenderName, boolean anonymous,
                            boolean considered, Instant receivedAt, Instant answerDueAt, String caseNumber) {

        static ComplaintSummary of(Complaint complaint) {
            return new ComplaintSummary(complaint.trackingNumber(), complaint.status().name(),
                    complaint.channel().name(), complaint.electionId(), complaint.regionCode(), complaint.committedOn(),
                    complaint.place(), complaint.offenderName(), complaint.anonymous(), complaint.considered(),
                    complaint.receivedAt(), complaint.answerDueAt(), complaint.caseNumber());
        }
    }

    record ComplaintPage(int page, int size, long total, List<ComplaintSummary> items) {
    }
}
