package kz.elections.violations.triage;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The job that starts a complaint's triage. The transaction that receives a complaint writes the complaint,
 * its files and this one job (a row of the engine's job table, written by the same transaction), and
 * nothing of the triage itself. Right after the commit the request runs the job itself when its node has
 * room ({@link TriageStarts}); otherwise the job executor runs it once it is due, as the application, on
 * whichever node acquires it, with the engine's retries and, should every attempt fail, an incident
 * (counted by {@code elections_jobs_failed}). So a submission costs a few rows however many arrive at once,
 * and none is lost: the job is there exactly when the complaint is.
 * <p>
 * The job has no process instance (the triage is not there yet); it carries the complaint's tracking number
 * and the process key ComplaintTriage, so that {@code GET /engine-rest/job?processDefinitionKey=ComplaintTriage}
 * lists the triages still to start. It is not exclusive: triages of different complaints start in
 * parallel. An engine plugin registers its handler (the engine's extension point for job types).
 */
@Component
public class TriageStartJob extends AbstractProcessEnginePlugin
        implements JobHandler<TriageStartJob.TrackingNumber> {

    /** The job's handler type in {@code ACT_RU_JOB.HANDLER_TYPE_}. */
    public static final String TYPE = "complaint-triage-start";

    private final ObjectProvider<ComplaintTriage> triage;

    TriageStartJob(ObjectProvider<ComplaintTriage> triage) {
        this.triage = triage;
    }

    /** The job's configuration: the complaint's tracking number. */
    record TrackingNumber(String value) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return value;
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(this);
        configuration.setCustomJobHandlers(handlers);
    }

    /**
     * Writes the job for the complaint, in the command (and so the transaction) that is under way, due at the
     * moment given: until then the job executor leaves it to the request that received the complaint.
     *
     * @return the job's id
     */
    static String schedule(CommandContext commandContext, String trackingNumber, Date due) {
        MessageEntity job = new MessageEntity();
        job.setJobHandlerType(TYPE);
        job.setJobHandlerConfiguration(new TrackingNumber(trackingNumber));
        job.setProcessDefinitionKey(TriageVariables.PROCESS_KEY);
        job.setExclusive(false);
        job.setDuedate(due);
        commandContext.getJobManager().send(job);
        return job.getId();
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(TrackingNumber configuration, ExecutionEntity execution, CommandContext commandContext,
                        String tenantId) {
        triage.getObject().start(configuration.value());
    }

    @Override
    public TrackingNumber newConfiguration(String canonicalString) {
        return new TrackingNumber(canonicalString);
    }

    @Override
    public void onDelete(TrackingNumber configuration, JobEntity jobEntity) {
        // nothing kept beside the job
    }
}
