package kz.elections.violations.complaints;

import java.time.Instant;
import java.time.LocalDate;

import kz.elections.violations.partners.Channel;

/**
 * A complaint as stored, personal details included: read by the triage and by the staff who may.
 *
 * @param regionCode        the region's code ({@code regions.Regions})
 * @param anonymous         no name, or no way to reach the complainant
 * @param considered        false for an anonymous complaint while the law does not consider those
 * @param language          kk, ru or en: the language of the page it came from
 * @param answerDueAt       when the answer is due: its triage task's due date
 * @param processInstanceId its ComplaintTriage process instance
 * @param answerReason      a rejection's reason, which the complainant reads
 * @param caseNumber        the case opened for it (ACCEPTED) or joined (MERGED)
 */
public record Complaint(long id, String trackingNumber, ComplaintStatus status, Channel channel, Long partnerId,
                        String electionId, String regionCode, LocalDate committedOn, String place, String description,
                        String offenderName, String offenderKind, String contactName, String contactEmail,
                        String contactPhone, boolean anonymous, boolean considered, String language,
                        Instant receivedAt, Instant answerDueAt, String processInstanceId, Instant answeredAt,
                        String answeredBy, String answerReason, String caseNumber) {

    /** Received, not answered, and no triage started for it yet. */
    public boolean waitsForTriage() {
        return status == ComplaintStatus.RECEIVED && processInstanceId == null;
    }
}
