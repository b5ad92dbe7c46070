package kz.elections.violations.complaints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.files.Sha256;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a complaint: its rules and its files' limits are checked first (nothing is stored for a refused
 * one); then, in one transaction, the complaint and its files are stored, {@link ComplaintReceived} writes
 * the job that starts its triage (run right after the commit by this request, which then also records when
 * the answer is due, or, when the node is busy with complaints, by the job executor), and an
 * Idempotency-Key remembers the answer. A retry with the same key and request gets that
 * answer and stores nothing; the same key with another request is refused (422), and while the key's first
 * request is still under way on another thread or node, with 409.
 */
@Service
class ComplaintIntake {

    private static final int ATTEMPTS = 3;

    private final ComplaintRules rules;
    private final Complaints complaints;
    private final ComplaintFiles files;
    private final IdempotentSubmissions idempotency;
    private final ComplaintProperties properties;
    private final ComplaintWords words;
    private final ElectionRepository elections;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TrackingNumbers trackingNumbers = new TrackingNumbers();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    ComplaintIntake(ComplaintRules rules, Complaints complaints, ComplaintFiles files, IdempotentSubmissions idempotency,
                    ComplaintProperties properties, ComplaintWords words, ElectionRepository elections,
                    ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.rules = rules;
        this.complaints = complaints;
        this.files = files;
        this.idempotency = idempotency;
        this.properties = properties;
        this.words = words;
        this.elections = elections;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The answer of {@code POST /api/complaints}: nothing personal.
     *
     * @param anonymous   no name, or no way to reach the complainant
     * @param considered  false for an anonymous complaint while the law does not consider those
     * @param answerDueAt when the answer is due (its triage task's due date), the law's term from the receipt
     * @param notice      what happens to the complaint, in the page's language
     */
    record Receipt(String trackingNumber, String status, boolean anonymous, boolean considered, Instant answerDueAt,
                   String notice) {
    }

    /** The key of a submission that was already answered with another request: refused with 422. */
    static class KeyReused extends RuntimeException {
        KeyReused() {
            super("This Idempotency-Key was used for another complaint: a retry sends the same complaint and files, "
                    + "a new complaint a new key");
        }
    }

    /** The key of a submission still under way: refused with 409, to be retried. */
    static class KeyInUse extends RuntimeException {
        KeyInUse() {
            super("A complaint with this Idempotency-Key is being received right now; retry in a moment");
        }
    }

    Receipt submit(ComplaintRequest request, List<ComplaintFiles.Upload> uploads, Submitter submitter, String language,
                   String idempotencyKey) {
        ComplaintRules.Checked checked = rules.check(request);
        List<ComplaintFiles.Accepted> accepted = ComplaintFiles.check(uploads, properties.files());
        String requestHash = fingerprint(checked, accepted);
        if (idempotencyKey != null) {
            Optional<IdempotentSubmissions.First> first = idempotency.find(submitter.idempotencyScope(), idempotencyKey);
            if (first.isPresent()) {
                return replay(first.get(), requestHash);
            }
        }
        for (int attempt = 1; ; attempt++) {
            String trackingNumber = trackingNumbers.next();
            try {
                return transaction.execute(status -> receive(trackingNumber, checked, accepted, submitter, language,
                        idempotencyKey, requestHash));
            } catch (DataIntegrityViolationException taken) {
                if (idempotencyKey != null) {
                    Optional<IdempotentSubmissions.First> first =
                            idempotency.find(submitter.idempotencyScope(), idempotencyKey);
                    if (first.isPresent()) {
                        return replay(first.get(), requestHash);
                    }
                }
                // a tracking number drawn twice, or a key whose first request has not committed yet
                if (attempt == ATTEMPTS) {
                    if (idempotencyKey != null) {
                        throw new KeyInUse();
                    }
                    throw taken;
                }
            }
        }
    }

    private Receipt receive(String trackingNumber, ComplaintRules.Checked checked,
                            List<ComplaintFiles.Accepted> accepted, Submitter submitter, String language,
                            String idempotencyKey, String requestHash) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        boolean considered = !checked.anonymous() || properties.anonymousConsidered();
        long id = complaints.insert(trackingNumber, submitter, checked, considered, language, now);
        for (ComplaintFiles.Accepted file : accepted) {
            files.insert(id, file, now);
        }
        events.publishEvent(new ComplaintReceived(trackingNumber));
        Complaint received = complaints.find(trackingNumber).orElseThrow();
        Receipt receipt = receipt(received);
        if (idempotencyKey != null) {
            idempotency.remember(submitter.idempotencyScope(), idempotencyKey, requestHash, trackingNumber,
                    write(receipt), now);
        }
        return receipt;
    }

    private Receipt receipt(Complaint complaint) {
        String notice;
        if (!complaint.considered()) {
            notice = words.text(complaint.language(), "receipt.notConsidered", complaint.trackingNumber());
        } else if (complaint.answerDueAt() != null) {
            ZoneId zone = elections.find(complaint.electionId()).map(election -> election.zone())
                    .orElse(ZoneId.of("Asia/Almaty"));
            notice = words.text(complaint.language(), "receipt.considered", complaint.trackingNumber(),
                    ComplaintWords.moment(complaint.answerDueAt(), zone));
        } else {
            notice = words.text(complaint.language(), "receipt.received", complaint.trackingNumber());
        }
        return new Receipt(complaint.trackingNumber(), complaint.status().name(), complaint.anonymous(),
                complaint.considered(), complaint.answerDueAt(), notice);
    }

    private Receipt replay(IdempotentSubmissions.First first, String requestHash) {
        if (!first.requestHash().equals(requestHash)) {
            throw new KeyReused();
        }
        try {
            return json.readValue(first.answer(), Receipt.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Receipt receipt) {
        try {
            return json.writeValueAsString(receipt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complaint as received, its values trimmed, and its files' names and hashes: what a retry repeats. */
    private static String fingerprint(ComplaintRules.Checked complaint, List<ComplaintFiles.Accepted> accepted) {
        List<String> parts = new ArrayList<>(Arrays.asList(complaint.election().id(), complaint.region().code(),
                complaint.committedOn().toString(), complaint.place(), complaint.description(), complaint.offenderName(),
                complaint.offenderKind() == null ? null : complaint.offenderKind().name(), complaint.contactName(),
                complaint.contactEmail(), complaint.contactPhone()));
        for (ComplaintFiles.Accepted file : accepted) {
            parts.add(file.fileName());
            parts.add(file.sha256());
        }
        String joined = String.join("\u0000", parts.stream().map(part -> part == null ? "\u0001" : part).toList());
        return Sha256.of(joined.getBytes(StandardCharsets.UTF_8));
    }
}
