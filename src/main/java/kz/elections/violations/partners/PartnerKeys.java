package kz.elections.violations.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The table {@code partner} (Flyway V12). A key is {@code pk_} and 32 random bytes in URL-safe Base64, shown
 * once when it is issued; the table keeps its SHA-256, so that neither a database copy nor a log reveals a
 * valid key, and a key is found by hashing what a request sends.
 */
@Repository
public class PartnerKeys {

    static final String KEY_PREFIX = "pk_";
    private static final int PREFIX_SHOWN = 10;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public PartnerKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new partner and its key, which only this answer shows. */
    public record IssuedKey(Partner partner, String key) {
    }

    IssuedKey issue(String name, Channel channel, String by) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into partner (name, channel, key_hash, key_prefix, "
                    + "created_at, created_by) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, name);
            insert.setString(2, channel.name());
            insert.setString(3, hash(key));
            insert.setString(4, key.substring(0, PREFIX_SHOWN));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setString(6, by);
            return insert;
        }, id);
        return new IssuedKey(find(id.getKey().longValue()).orElseThrow(), key);
    }

    List<Partner> all() {
        return jdbc.query("select * from partner order by id", (row, n) -> partner(row));
    }

    public Optional<Partner> find(long id) {
        return jdbc.query("select * from partner where id = ?", (row, n) -> partner(row), id).stream().findFirst();
    }

    /** Revokes the partner's key (a key revoked before stays as it was); empty for an unknown partner. */
    Optional<Partner> revoke(long id, String by) {
        jdbc.update("update partner set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                Timestamp.from(ClockUtil.getCurrentTime().toInstant()), by, id);
        return find(id);
    }

    /** The partner whose key this is, while the key is not revoked. */
    public Optional<Partner> activeByKey(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return jdbc.query("select * from partner where key_hash = ? and revoked_at is null", (row, n) -> partner(row),
                hash(key)).stream().findFirst();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static Partner partner(ResultSet row) throws SQLException {
        Timestamp revoked = row.getTimestamp("revoked_at");
        return new Partner(row.getLong("id"), row.getString("name"), Channel.valueOf(row.getString("channel")),
                row.getString("key_prefix"), row.getTimestamp("created_at").toInstant(), row.getString("created_by"),
                revoked == null ? null : revoked.toInstant(), row.getString("revoked_by"));
    }
}
