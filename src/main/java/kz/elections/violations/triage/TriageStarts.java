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
 * work, when its answer arrives, and the answer tells when the complaint's answer is due. Otherwise the
 * job executor, once the job is due ({@code complaints.triage.job-delay} after the receipt): a burst of
 * complaints is answered at once, with no more work than storing them, and their triages follow.
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
     * In the transaction that receives the complaint: its job, due a job delay from now. When the node has
     * room, the request takes one of its {@link #AT_ONCE} places until its transaction has ended, runs
     * {@code beforeStartingHere} now (in the transaction) and after the commit runs the job.
     */
    void schedule(CommandContext commandContext, String trackingNumber, Runnable beforeStartingHere) {
        RequestStart here = null;
        if (rate.received() <= properties.requestStartsPerSecond()
                && TransactionSynchronizationManager.isSynchronizationActive() && inRequest.tryAcquire()) {
            here = new RequestStart(trackingNumber);
            TransactionSynchronizationManager.registerSynchronization(here);
            beforeStartingHere.run();
        } else {
            LOG.debug("The triage of complaint {} is left to the job executor", trackingNumber);
        }
        Date due = new Date(ClockUtil.getCurrentTime().getTime() + properties.jobDelay().toMillis());
        String jobId = TriageStartJob.schedule(commandContext, trackingNumber, due);
        if (here != null) {
            here.jobId = jobId;
        }
    }

    /** The request's start of its complaint's triage, after the commit; its place given back in any case. */
    private final class RequestStart implements TransactionSynchronization {

        private final String trackingNumber;
        private String jobId;

        RequestStart(String trackingNumber) {
            this.trackingNumber = trackingNumber;
        }

        @Override
        public void afterCompletion(int status) {
            try {
                if (status == STATUS_COMMITTED && jobId != null) {
                    start(trackingNumber, jobId);
                }
            } finally {
                inRequest.release();
            }
        }
    }

    private void start(String trackingNumber, String jobId) {
        try {
            outsideTransaction.executeWithoutResult(status -> currentUser.withoutEngineChecks(() -> {
                management.executeJob(jobId);
                return null;
            }));
        } catch (RuntimeException failed) {
            // the complaint is stored: the job executor tries again, with the engine's retries
            LOG.warn("The triage of complaint {} did not start with its receipt; the job executor retries it",
                    trackingNumber, failed);
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
