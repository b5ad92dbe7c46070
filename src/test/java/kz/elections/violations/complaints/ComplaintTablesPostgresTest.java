package kz.elections.violations.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionLevel;
import kz.elections.violations.files.FileTypes;
import kz.elections.violations.files.Sha256;
import kz.elections.violations.model.OffenderKind;
import kz.elections.violations.partners.Channel;
import kz.elections.violations.partners.Partner;
import kz.elections.violations.partners.PartnerKeys;
import kz.elections.violations.regions.Region;
import kz.elections.violations.support.PostgresTestSupport;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The complaints', their files', the partners' and the idempotency keys' tables (Flyway V11, V12) and their
 * statements on a real PostgreSQL, as on H2: a complaint with a file of a megabyte read back byte for byte,
 * its answer recorded once, the lists by region, a partner's key found by its hash until it is revoked, one
 * complaint per Idempotency-Key; the statistics' grouped counts and answer times.
 */
class ComplaintTablesPostgresTest extends PostgresTestSupport {

    private static final Election ELECTION = new Election("pg-election", "PostgreSQL election", ElectionLevel.MAZHILIS,
            LocalDate.parse("2026-05-01"), "Asia/Almaty");
    private static final Instant NOW = Instant.parse("2026-04-01T04:00:00Z");

    private static ComplaintRules.Checked complaint(String regionCode, String email) {
        Region region = new Region(regionCode, "CITY", Map.of("en", regionCode), List.of());
        return new ComplaintRules.Checked(ELECTION, region, LocalDate.parse("2026-03-31"), "Polling station 117",
                "Leaflets at the entrance", "Complained Candidate", OffenderKind.CANDIDATE, "Aigerim", email, null);
    }

    @Test
    void aComplaintItsFileAndItsAnswer() {
        Complaints complaints = new Complaints(jdbc);
        ComplaintFiles files = new ComplaintFiles(jdbc);
        long id = complaints.insert("C-PG00000001", new Submitter(null, "203.0.113.7"),
                complaint("almaty", "aigerim@example.kz"), true, "kk", NOW);
        byte[] photo = new byte[1024 * 1024];
        for (int i = 0; i < photo.length; i++) {
            photo[i] = (byte) (i * 7);
        }
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        photo[2] = (byte) 0xFF;
        files.insert(id, new ComplaintFiles.Accepted(0, "photo.jpg", FileTypes.JPEG, photo, Sha256.of(photo)),
                NOW);

        Complaint stored = complaints.find("C-PG00000001").orElseThrow();
        assertThat(stored.status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(stored.channel()).isEqualTo(Channel.PUBLIC);
        assertThat(stored.partnerId()).isNull();
        assertThat(stored.committedOn()).isEqualTo(LocalDate.parse("2026-03-31"));
        assertThat(stored.receivedAt()).isEqualTo(NOW);
        assertThat(stored.language()).isEqualTo("kk");
        List<ComplaintFiles.StoredFile> listed = files.ofComplaint("C-PG00000001");
        assertThat(listed).extracting(ComplaintFiles.StoredFile::size, ComplaintFiles.StoredFile::contentType)
                .containsExactly(Tuple.tuple((long) photo.length, "image/jpeg"));
        byte[] read = files.content("C-PG00000001", listed.get(0).id()).orElseThrow();
        assertThat(read).isEqualTo(photo);
        assertThat(Sha256.of(read)).isEqualTo(listed.get(0).sha256());
        assertThatThrownBy(() -> files.insert(id, new ComplaintFiles.Accepted(0, "again.jpg", FileTypes.JPEG, photo,
                "x"), NOW)).isInstanceOf(DataIntegrityViolationException.class);

        complaints.triageStarted("C-PG00000001", "instance-1", NOW.plusSeconds(5 * 86_400));
        assertThat(complaints.answer("C-PG00000001", ComplaintStatus.ACCEPTED, null, "2026-000123", "prosecutor", NOW))
                .isTrue();
        assertThat(complaints.answer("C-PG00000001", ComplaintStatus.REJECTED, "again", null, "prosecutor", NOW))
                .isFalse();
        assertThat(complaints.find("C-PG00000001").orElseThrow().caseNumber()).isEqualTo("2026-000123");
        assertThat(complaints.trackingNumbersOfCase("2026-000123")).containsExactly("C-PG00000001");

        complaints.insert("C-PG00000002", new Submitter(null, "203.0.113.8"), complaint("astana", null), false, "ru",
                NOW.plusSeconds(1));
        Complaints.Filter almaty = new Complaints.Filter(Set.of("almaty"), null, ELECTION.id());
        assertThat(complaints.page(almaty, 0, 10)).extracting(Complaint::trackingNumber).containsExactly("C-PG00000001");
        assertThat(complaints.count(new Complaints.Filter(null, null, ELECTION.id()))).isEqualTo(2);
        assertThat(complaints.page(new Complaints.Filter(null, ComplaintStatus.RECEIVED, null), 0, 10))
                .extracting(Complaint::trackingNumber).containsExactly("C-PG00000002");
        assertThat(complaints.similar(ELECTION.id(), "C-PG00000002", "complained candidate", null,
                LocalDate.parse("2026-01-01"), null, 10)).extracting(Complaint::trackingNumber)
                .containsExactly("C-PG00000001");
        assertThatThrownBy(() -> complaints.insert("C-PG00000002", new Submitter(null, "x"), complaint("astana", null),
                true, "ru", NOW)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aPartnersKeyByItsHashAndOneComplaintPerIdempotencyKey() throws Exception {
        String key = "pk_postgres-test-key-0123456789abcdefghijklmnop";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
        jdbc.update("insert into partner (name, channel, key_hash, key_prefix, created_at, created_by) "
                + "values ('Hotline', 'HOTLINE', ?, 'pk_postgre', now(), 'demo')", hash);
        PartnerKeys keys = new PartnerKeys(jdbc);
        Partner partner = keys.activeByKey(key).orElseThrow();
        assertThat(partner.channel()).isEqualTo(Channel.HOTLINE);
        assertThatThrownBy(() -> jdbc.update("insert into partner (name, channel, key_hash, key_prefix, created_at, "
                + "created_by) values ('Copy', 'HOTLINE', ?, 'pk_postgre', now(), 'demo')", hash))
                .isInstanceOf(DataIntegrityViolationException.class);

        Complaints complaints = new Complaints(jdbc);
        complaints.insert("C-PG00000003", new Submitter(partner, "203.0.113.9"), complaint("almaty", null), false, "ru",
                NOW);
        assertThat(complaints.find("C-PG00000003").orElseThrow().partnerId()).isEqualTo(partner.id());
        assertThat(complaints.find("C-PG00000003").orElseThrow().channel()).isEqualTo(Channel.HOTLINE);

        IdempotentSubmissions idempotency = new IdempotentSubmissions(jdbc);
        idempotency.remember("partner:" + partner.id(), "retry-1", "hash-1", "C-PG00000003", "{\"a\":1}", NOW);
        assertThat(idempotency.find("partner:" + partner.id(), "retry-1")).contains(
                new IdempotentSubmissions.First("hash-1", "C-PG00000003", "{\"a\":1}"));
        assertThat(idempotency.find("client:203.0.113.9", "retry-1")).isEmpty();
        assertThatThrownBy(() -> idempotency.remember("partner:" + partner.id(), "retry-1", "hash-2", "C-PG00000004",
                "{}", NOW)).isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("update partner set revoked_at = now(), revoked_by = 'demo' where id = ?", partner.id());
        assertThat(keys.activeByKey(key)).isEmpty();
    }

    @Test
    void theStatisticsCountsByStatusChannelRegionAndTermAndTheAnswerTimes() {
        Election election = new Election("pg-statistics", "PostgreSQL statistics", ElectionLevel.MAZHILIS,
                LocalDate.parse("2026-05-01"), "Asia/Almaty");
        Region almaty = new Region("almaty", "CITY", Map.of("en", "Almaty"), List.of());
        Region astana = new Region("astana", "CITY", Map.of("en", "Astana"), List.of());
        Partner hotline = new Partner(1_000_001, "Hotline", Channel.HOTLINE, "pk_hot", NOW, "demo", null, null);
        jdbc.update("insert into partner (id, name, channel, key_hash, key_prefix, created_at, created_by) "
                + "values (1000001, 'Hotline', 'HOTLINE', 'hash-of-the-statistics-hotline', 'pk_hot', now(), 'demo')");
        Complaints complaints = new Complaints(jdbc);
        Duration term = Duration.ofDays(5);
        String[][] rows = {
            // tracking number, region, day of the act, anonymous, answered after (hours), status
            {"C-PGSTAT0001", "almaty", "2026-03-31", "no", "2", "ACCEPTED"},
            {"C-PGSTAT0002", "almaty", "2026-03-31", "yes", "30", "REJECTED"},
            {"C-PGSTAT0003", "astana", "2026-03-20", "no", "144", "MERGED"},
            {"C-PGSTAT0004", "astana", "2026-03-31", "no", null, null},
        };
        for (String[] row : rows) {
            Region region = row[1].equals("almaty") ? almaty : astana;
            ComplaintRules.Checked checked = new ComplaintRules.Checked(election, region, LocalDate.parse(row[2]),
                    "Polling station 117", "Leaflets", null, null, row[3].equals("yes") ? null : "Aigerim",
                    row[3].equals("yes") ? null : "aigerim@example.kz", null);
            complaints.insert(row[0], new Submitter(row[0].endsWith("3") ? hotline : null, "203.0.113.20"), checked,
                    true, "ru", NOW);
            complaints.triageStarted(row[0], "instance-" + row[0], NOW.plus(term));
            if (row[4] != null) {
                assertThat(complaints.answer(row[0], ComplaintStatus.valueOf(row[5]), null, null, "prosecutor",
                        NOW.plus(Duration.ofHours(Long.parseLong(row[4]))))).isTrue();
            }
        }
        ComplaintCounts counts = new ComplaintCounts(jdbc);
        ComplaintCounts.Filter everyRegion = new ComplaintCounts.Filter(election.id(), null, null, null);

        List<ComplaintCounts.Group> groups = counts.groups(everyRegion, NOW.plus(Duration.ofDays(6)));
        assertThat(groups).containsExactlyInAnyOrder(
                new ComplaintCounts.Group(ComplaintStatus.ACCEPTED, Channel.PUBLIC, "almaty", false, 1, 1, 0, 0),
                new ComplaintCounts.Group(ComplaintStatus.REJECTED, Channel.PUBLIC, "almaty", true, 1, 1, 0, 0),
                new ComplaintCounts.Group(ComplaintStatus.MERGED, Channel.HOTLINE, "astana", false, 1, 0, 1, 0),
                new ComplaintCounts.Group(ComplaintStatus.RECEIVED, Channel.PUBLIC, "astana", false, 1, 0, 0, 1));
        assertThat(counts.groups(everyRegion, NOW.plus(term))).filteredOn(g -> g.status() == ComplaintStatus.RECEIVED)
                .extracting(ComplaintCounts.Group::openPastTerm).containsExactly(0L);
        assertThat(counts.answerTimes(everyRegion)).containsExactly(Duration.ofHours(2), Duration.ofHours(30),
                Duration.ofHours(144));

        ComplaintCounts.Filter astanaFromThe25th = new ComplaintCounts.Filter(election.id(),
                LocalDate.parse("2026-03-25"), LocalDate.parse("2026-03-31"), Set.of("astana"));
        assertThat(counts.groups(astanaFromThe25th, NOW)).extracting(ComplaintCounts.Group::status)
                .containsExactly(ComplaintStatus.RECEIVED);
        assertThat(counts.answerTimes(astanaFromThe25th)).isEmpty();
        assertThat(counts.answerTimes(new ComplaintCounts.Filter(election.id(), null, null, Set.of("almaty", "astana"))))
                .hasSize(3);
        assertThat(counts.groups(new ComplaintCounts.Filter(election.id(), null, null, Set.of()), NOW)).isEmpty();
    }
}
