package kz.elections.violations.cases;

import java.util.List;

/** What {@code GET /api/cases/{caseNumber}} reports of a case. */
public record CaseView(
        String caseNumber,
        String processInstanceId,
        String status,
        String outcome,
        Sanction sanction,
        String registration,
        String registrationReason,
        String electionId,
        String region,
        String committedOn,
        Offender offender,
        String code,
        String article,
        String part,
        String source,
        String description,
        ProcessVersion processVersion,
        List<OpenTask> openTasks) {

    public record Sanction(String kind, Number fineMci, Long fineTenge, Boolean abbreviated) {
    }

    public record Offender(String kind, String name, String iin, String bin, String districtCommission) {
    }

    public record ProcessVersion(String processDefinitionId, int version, String versionTag) {
    }

    public record OpenTask(String taskId, String taskDefinitionKey, String name, List<String> candidateGroups) {
    }
}
