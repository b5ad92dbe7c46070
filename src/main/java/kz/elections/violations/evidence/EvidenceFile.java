package kz.elections.violations.evidence;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One evidence file of a case as the API and the case's timeline show it: the name it was sent with,
 * the type told by its content, its size in bytes and SHA-256 (hexadecimal), who added it and when, the
 * note, and the earlier file of the case it corrects.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceFile(
        @JsonInclude(JsonInclude.Include.ALWAYS) long id,
        @JsonIgnore String caseNumber,
        String fileName,
        String contentType,
        @JsonInclude(JsonInclude.Include.ALWAYS) long size,
        String sha256,
        String addedBy,
        Instant addedAt,
        String note,
        Long correctsId) {
}
