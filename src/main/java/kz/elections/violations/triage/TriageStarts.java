package kz.elections.violations.triage;

import java.util.Date;
import java.util.concurrent.Semaphore;

import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who starts a complaint's triage ({@link TriageStartJob}, decision record 0009). The request that received
 * it, right after the commit and before it answers, while its node receives at most
 * {@code complaints.triage.request-starts-per-second} complaints a second and fewer than {@link #AT_ONCE}
 * requests are starting triages already: a complaint then has its task, and its region's prosecutors their
 * work, when its answer arrives. Otherwise the job executor, once the job is due
 * ({@code complaints.triage.job-delay} after the receipt): a burst of complaints is answered at once and
 * their triages follow.
 */
@Component
@EnableConfigurationProperties(TriageStartProperties.class)
class TriageStarts {

    /** Requests of a node that start triages at the same moment, at most. */
    static final int AT_ONCE = 2;
    private static final Logger LOG = LoggerFactory.getLogger(TriageStarts.class);

    private final TriageStartProperties properties;
    private final ManagementService management;
    private final CurrentUser currentUser;
    private final Semaphore inRequest = new Semaphore(AT_ONCE);
    private final ReceiptRate rate = new ReceiptRate(System::nanoTime);

    private final TransactionTemplate outsideTransaction;

    TriageStarts(TriageStartProperties properties, ManagementService management, CurrentUser currentUser,
                 PlatformTransactionManager transactions) {
        this.properties = properties;
        this.management = management;
        this.currentUser = currentUser;
        // after the commit the complaint's transaction is still bound to the thread: set aside, so that the
        // engine runs the job in a transaction of its own and, should it fail, counts the attempt in another
        this.outsideTransaction = new TransactionTemplate(transactions);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /**
     * In the transaction that receives the complaint: its job, and after the commit, on this thread, its
     * triage when the node has room.
     */
    void schedule(CommandContext commandContext, String trackingNumber) {
        Date due = new Date(ClockUtil.getCurrentTime().getTime() + properties.jobDelay().toMillis());
        String jobId = TriageStartJob.schedule(commandContext, trackingNumber, due);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    startNow(trackingNumber, jobId);
                }
            });
        }
    }

    private void startNow(String trackingNumber, String jobId) {
        if (rate.received() > properties.requestStartsPerSecond() || !inRequest.tryAcquire()) {
            LOG.debug("The triage of complaint {} is left to the job executor", trackingNumber);
            return;
        }
        try {
            outsideTransaction.executeWithoutResult(status -> currentUser.withoutEngineChecks(() -> {
                management.executeJob(jobId);
                return null;
            }));
        } catch (RuntimeException failed) {
            // the complaint is stored: the job executor tries again, with the engine's retries
            LOG.warn("The triage of complaint {} did not start with its receipt; the job executor retries it",
                    trackingNumber, failed);
        } finally {
            inRequest.release();
        }
    }

    /** Runs work as a node whose requests all start triages already (for the tests of the job's path). */
    void whileBusy(Runnable work) {
        inRequest.acquireUninterruptibly(AT_ONCE);
        try {
            work.run();
        } finally {
            inRequest.release(AT_ONCE);
        }
    }
}
