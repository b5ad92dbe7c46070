package kz.elections.violations.triage;

import kz.elections.violations.complaints.Complaint;
import kz.elections.violations.complaints.ComplaintFiles;
import kz.elections.violations.evidence.CarriedEvidence;
import org.springframework.stereotype.Component;

/**
 * A complaint's files become evidence of the case it opens or joins, in the triage's transaction, each with
 * a note naming the complaint and when its file arrived; the complaint keeps its own copies.
 */
@Component
class ComplaintEvidence {

    private final ComplaintFiles files;
    private final CarriedEvidence evidence;

    ComplaintEvidence(ComplaintFiles files, CarriedEvidence evidence) {
        this.files = files;
        this.evidence = evidence;
    }

    void carry(Complaint complaint, String caseNumber, String processInstanceId) {
        for (ComplaintFiles.StoredFile file : files.ofComplaint(complaint.trackingNumber())) {
            byte[] content = files.content(complaint.trackingNumber(), file.id()).orElseThrow();
            evidence.add(caseNumber, processInstanceId, file.fileName(), content, file.sha256(),
                    "Шағымнан / Из жалобы " + complaint.trackingNumber() + " (" + file.receivedAt() + ")");
        }
    }
}
