package kz.elections.violations.timeline;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What {@code GET /api/cases/{caseNumber}/history} answers: the case, the process it ran on, its entries oldest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseTimeline(
        String caseNumber,
        String processInstanceId,
        String status,
        String outcome,
        String registration,
        String registrationReason,
        String registrationReasonCode,
        Instant startedAt,
        Instant endedAt,
        ProcessDefinitionInfo process,
        List<TimelineEntry> entries) {

    public record ProcessDefinitionInfo(String id, String key, int version, String versionTag) {
    }
}
