package kz.elections.violations.evidence;

import static kz.elections.violations.evidence.EvidenceRequests.jpeg;
import static kz.elections.violations.evidence.EvidenceRequests.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The evidence table and its statements on a real PostgreSQL (the cluster's database) and on H2 (a fresh
 * database migrated as the application does it): the bytes kept as {@code bytea} and {@code blob}, a file of
 * megabytes written and read back to the byte, the totals, the numbering's unique key and the correction's
 * reference.
 */
class CaseEvidencePostgresTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate onPostgres;
    private static JdbcTemplate onH2;

    @BeforeAll
    static void migratedDatabases() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).table("app_schema_history")
                .locations("classpath:db/migration").load().migrate();
        onPostgres = new JdbcTemplate(postgres.getPostgresDatabase());
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:evidence-migration;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).table("app_schema_history").locations("classpath:db/migration").load()
                .migrate();
        onH2 = new JdbcTemplate(h2);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theBytesAreKeptAsEachDatabasesLargeBinaryType() {
        assertThat(onPostgres.queryForObject("select data_type from information_schema.columns"
                + " where table_name = 'case_evidence' and column_name = 'content'", String.class)).isEqualTo("bytea");
        assertThat(onH2.queryForObject("select data_type from information_schema.columns"
                + " where table_name = 'CASE_EVIDENCE' and column_name = 'CONTENT'", String.class))
                .isEqualTo("BINARY LARGE OBJECT");
    }

    @Test
    void aFileIsWrittenAndReadBackToTheByteOnPostgres() {
        writesAndReadsBack(onPostgres, "2023-000501");
    }

    @Test
    void aFileIsWrittenAndReadBackToTheByteOnH2() {
        writesAndReadsBack(onH2, "2023-000502");
    }

    private static void writesAndReadsBack(JdbcTemplate jdbc, String caseNumber) {
        CaseEvidenceStore store = new CaseEvidenceStore(jdbc);
        byte[] video = jpeg(6 * 1024 * 1024, 7);
        Instant at = Instant.parse("2023-03-02T04:00:00Z");
        assertThat(store.totals(caseNumber)).isEqualTo(new CaseEvidenceStore.Totals(0, 0, 0));
        store.insert(file(caseNumber, 1, video.length, sha256(video), at, null), new ByteArrayInputStream(video));
        EvidenceFile first = store.byNumber(caseNumber, 1).orElseThrow();
        assertThat(first.sha256()).isEqualTo(sha256(video));
        assertThat(first.size()).isEqualTo(video.length);
        assertThat(first.addedAt()).isEqualTo(at);
        assertThat(first.correctsId()).isNull();
        assertThat(store.content(caseNumber, first.id()).orElseThrow()).isEqualTo(video);
        assertThat(store.content("2023-999999", first.id())).isEmpty();
        assertThat(store.find("2023-999999", first.id())).isEmpty();

        byte[] small = jpeg(1_000, 8);
        store.insert(file(caseNumber, 2, small.length, sha256(small), at.plusSeconds(60), first.id()),
                new ByteArrayInputStream(small));
        assertThat(store.totals(caseNumber)).isEqualTo(new CaseEvidenceStore.Totals(2, video.length + 1_000L, 2));
        assertThat(store.ofCase(caseNumber)).extracting(EvidenceFile::correctsId).containsExactly(null, first.id());
        assertThat(store.ofProcessInstance("instance-" + caseNumber)).hasSize(2);

        // two files numbered alike: the second is refused by the unique key (it is numbered again after it)
        assertThatThrownBy(() -> store.insert(file(caseNumber, 2, small.length, sha256(small), at, null),
                new ByteArrayInputStream(small))).isInstanceOf(DuplicateKeyException.class);
        // a correction of a file that does not exist
        assertThatThrownBy(() -> store.insert(file(caseNumber, 3, small.length, sha256(small), at, 987_654_321L),
                new ByteArrayInputStream(small))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(store.totals(caseNumber).files()).isEqualTo(2);
    }

    private static CaseEvidenceStore.NewFile file(String caseNumber, int number, long size, String sha256, Instant at,
                                                  Long corrects) {
        return new CaseEvidenceStore.NewFile(caseNumber, "instance-" + caseNumber, number, "фото " + number + ".jpg",
                "image/jpeg", size, sha256, "prosecutor", at, corrects == null ? null : "corrects the first", corrects);
    }
}
