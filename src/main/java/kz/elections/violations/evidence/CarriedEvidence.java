package kz.elections.violations.evidence;

import java.io.ByteArrayInputStream;
import java.time.Instant;

import kz.elections.violations.files.FileType;
import kz.elections.violations.files.FileTypes;
import kz.elections.violations.files.Sha256;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Evidence that reaches a case from elsewhere: a complaint's files when the complaint opens the case or
 * joins it. Recorded in the caller's transaction (a triage's completion: gone with it if it rolls back),
 * as the current user's, with a note naming where it came from; its type is told again by its content and
 * its SHA-256 must be the one its source recorded, so the chain of custody runs unbroken from the
 * complainant's upload. The case's count and size limits do not apply: the source's own limits bound it.
 */
@Component
public class CarriedEvidence {

    private final CaseEvidenceStore store;
    private final CurrentUser currentUser;

    CarriedEvidence(CaseEvidenceStore store, CurrentUser currentUser) {
        this.store = store;
        this.currentUser = currentUser;
    }

    /**
     * Adds the file to the case.
     *
     * @param recordedSha256 the SHA-256 (hex) the source recorded for these bytes
     * @throws IllegalStateException when the bytes are not what the source recorded or of no accepted type
     */
    public void add(String caseNumber, String processInstanceId, String fileName, byte[] content,
                    String recordedSha256, String note) {
        FileType type = FileTypes.detect(content)
                .orElseThrow(() -> new IllegalStateException(fileName + " is of no accepted type"));
        String sha256 = Sha256.of(content);
        if (!sha256.equalsIgnoreCase(recordedSha256)) {
            throw new IllegalStateException(fileName + ": its bytes are not the ones recorded (SHA-256 " + sha256
                    + ", recorded " + recordedSha256 + ")");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        int number = store.totals(caseNumber).lastNumber() + 1;
        store.insert(new CaseEvidenceStore.NewFile(caseNumber, processInstanceId, number,
                FileNames.shown(fileName, type), type.mediaType(), content.length, sha256, currentUser.id(), now,
                note, null), new ByteArrayInputStream(content));
    }
}
