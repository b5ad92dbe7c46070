package kz.elections.violations.timeline;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import kz.elections.violations.evidence.EvidenceFile;

/**
 * One entry of a case's timeline. {@code kind} is one of STEP_STARTED (every activity, with its end and
 * duration), TASK_COMPLETED, TASK_WITHDRAWN, TIMER_SCHEDULED, TIMER_FIRED, TIMER_WITHDRAWN,
 * MESSAGE_RECEIVED, VARIABLE_CHANGED, JOB_FAILED, INCIDENT, INTERVENTION (an administrator's repair, with
 * its reason), ESCALATED (a task that escalated: its kind, BEFORE_FREEZE or OVERDUE, as the detail),
 * EVIDENCE_ADDED (a file attached to the case: its {@code evidence} with name, type, size, SHA-256, note and
 * the file it corrects; {@code user} added it). A TASK_COMPLETED decision against the case carries its {@code reason}. {@code user} is who
 * did it, null for the engine
 * (and for a message: the engine does not log who correlated it). The first four are always present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant at,
        @JsonInclude(JsonInclude.Include.ALWAYS) String kind,
        @JsonInclude(JsonInclude.Include.ALWAYS) String activityId,
        @JsonInclude(JsonInclude.Include.ALWAYS) String user,
        String activityName,
        String activityType,
        Instant endedAt,
        Long durationMillis,
        String variable,
        Object value,
        Object previousValue,
        String reason,
        String detail,
        Integer processVersion,
        EvidenceFile evidence) {

    static TimelineEntry of(Instant at, String kind, String activityId, String user) {
        return new TimelineEntry(at, kind, activityId, user, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    TimelineEntry withStep(String name, String type, Instant ended, Long duration, Integer version) {
        return new TimelineEntry(at, kind, activityId, user, name, type, ended, duration, variable, value,
                previousValue, reason, detail, version, evidence);
    }

    TimelineEntry withVariable(String name, Object newValue, Object previous) {
        return new TimelineEntry(at, kind, activityId, user, activityName, activityType, endedAt, durationMillis,
                name, newValue, previous, reason, detail, processVersion, evidence);
    }

    TimelineEntry withReason(String why) {
        return new TimelineEntry(at, kind, activityId, user, activityName, activityType, endedAt, durationMillis,
                variable, value, previousValue, why, detail, processVersion, evidence);
    }

    TimelineEntry withDetail(String text) {
        return new TimelineEntry(at, kind, activityId, user, activityName, activityType, endedAt, durationMillis,
                variable, value, previousValue, reason, text, processVersion, evidence);
    }

    TimelineEntry withEvidence(EvidenceFile file) {
        return new TimelineEntry(at, kind, activityId, user, activityName, activityType, endedAt, durationMillis,
                variable, value, previousValue, reason, detail, processVersion, file);
    }
}
