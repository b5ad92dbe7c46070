package kz.elections.violations.partners;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A partner as administrators see it: never its key, only the key's first characters.
 *
 * @param keyPrefix the key's first characters, to tell keys apart
 * @param revokedAt when its key was revoked; null while it is valid
 */
public record Partner(long id, String name, Channel channel, String keyPrefix, Instant createdAt, String createdBy,
                      Instant revokedAt, String revokedBy) {

    /** Whether its key is still accepted. */
    @JsonProperty("active")
    public boolean active() {
        return revokedAt == null;
    }
}
