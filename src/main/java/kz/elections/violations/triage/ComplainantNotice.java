package kz.elections.violations.triage;

import java.time.ZoneId;

import kz.elections.violations.complaints.Complaint;
import kz.elections.violations.complaints.ComplaintWords;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.notifications.AddressedMessages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells a complainant who gave an e-mail address the answer to the complaint: one outbox row, written in the
 * transaction that completes the triage (a refused or rolled-back completion writes none), in Kazakh when the
 * complaint came from the page in Kazakh and in Russian otherwise, with the link to the status page. The
 * message names the tracking number, the status and the answer; no personal data beyond the address itself.
 * A complaint received is never answered by e-mail at once: an address the public types is not checked, and
 * the application sends nothing to it that a person did not decide on.
 */
@Component
class ComplainantNotice {

    private final AddressedMessages messages;
    private final ComplaintWords words;
    private final ElectionRepository elections;
    private final String statusPage;

    ComplainantNotice(AddressedMessages messages, ComplaintWords words, ElectionRepository elections,
                      @Value("${notifications.base-url:http://localhost:8080}") String baseUrl,
                      @Value("${complaints.status-page:/complaint/status.html?n=}") String statusPage) {
        this.messages = messages;
        this.words = words;
        this.elections = elections;
        this.statusPage = baseUrl + statusPage;
    }

    void tell(Complaint answered) {
        if (answered.contactEmail() == null) {
            return;
        }
        String language = "kk".equals(answered.language()) ? "kk" : "ru";
        ZoneId zone = elections.find(answered.electionId()).map(Election::zone).orElse(ZoneId.of("Asia/Almaty"));
        String subject = words.text(language, "mail.subject", answered.trackingNumber());
        String body = words.text(language, "mail.body", answered.trackingNumber(),
                ComplaintWords.moment(answered.receivedAt(), zone),
                words.text(language, "mail.status." + answered.status().name()), words.answer(answered, language),
                statusPage + answered.trackingNumber());
        messages.write("complaint-answered:" + answered.trackingNumber(), "complaint:" + answered.trackingNumber(),
                answered.contactEmail(), language, subject, body, answered.caseNumber());
    }
}
