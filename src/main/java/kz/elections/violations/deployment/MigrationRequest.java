package kz.elections.violations.deployment;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/admin/migrations}: move the running cases of one process version to
 * another. {@code targetProcessDefinitionId} defaults to the newest ViolationCase;
 * {@code activityMappings} maps renamed activities (old id to new id), activities with the same id are
 * mapped by themselves; {@code processInstanceIds} narrows the cases (default: all of the source).
 */
public record MigrationRequest(
        String sourceProcessDefinitionId,
        String targetProcessDefinitionId,
        Map<String, String> activityMappings,
        List<String> processInstanceIds) {
}
