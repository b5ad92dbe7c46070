package kz.elections.violations.freeze;

import kz.elections.violations.model.Registration;
import static kz.elections.violations.model.CaseVariables.ELECTION_ID;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service tasks {@code Task_WithdrawWaitingCases} (one batch of cases per multi-instance element,
 * each its own job and transaction, shared by the job executor's threads and nodes) and
 * {@code Task_WithdrawStragglers} (whatever still waits a minute later) of ElectionRegistrationFreeze.
 */
@Component("withdrawWaitingCases")
public class WithdrawWaitingCases {

    /** A batch travels as one string variable of comma-separated execution ids: 100 fit its 4,000 characters. */
    static final int MAX_BATCH_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(WithdrawWaitingCases.class);

    private final RegistrationFreeze freeze;
    private final int batchSize;

    public WithdrawWaitingCases(RegistrationFreeze freeze,
                                @Value("${elections.freeze.batch-size:100}") int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("elections.freeze.batch-size must be between 1 and "
                    + MAX_BATCH_SIZE + ", was " + batchSize);
        }
        this.freeze = freeze;
        this.batchSize = batchSize;
    }

    /** The multi-instance collection: the cases waiting now, in batches. */
    public List<String> batches(String electionId) {
        List<String> waiting = freeze.waitingExecutions(electionId);
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < waiting.size(); from += batchSize) {
            batches.add(String.join(",", waiting.subList(from, Math.min(waiting.size(), from + batchSize))));
        }
        LOG.info("Registration freeze of election {}: {} waiting cases in {} batches", electionId, waiting.size(),
                batches.size());
        return batches;
    }

    /** {@code Task_WithdrawWaitingCases}: one batch, comma-separated ids of the waiting executions. */
    public void execute(DelegateExecution execution, String caseBatch) {
        String electionId = (String) execution.getVariable(ELECTION_ID);
        if (freeze.isInForce(electionId)) {
            freeze.withdraw(electionId, Arrays.asList(caseBatch.split(",")));
        }
        // otherwise the voting day was postponed after this freeze began: a newer freeze instance waits
    }

    /** {@code Task_WithdrawStragglers}: every case of the election that still waits. */
    public void sweep(DelegateExecution execution) {
        String electionId = (String) execution.getVariable(ELECTION_ID);
        if (freeze.isInForce(electionId)) {
            int withdrawn = freeze.withdraw(electionId, freeze.waitingExecutions(electionId));
            if (withdrawn > 0) {
                LOG.info("Registration freeze of election {}: {} stragglers withdrawn", electionId, withdrawn);
            }
        }
    }
}
