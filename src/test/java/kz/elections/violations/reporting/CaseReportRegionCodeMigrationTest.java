package kz.elections.violations.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V9 on H2 and on PostgreSQL: the reporting table's rows of cases registered before regions were
 * data get their region's code where their region's text is one of its code, names or aliases, whatever the
 * letters' case; any other text keeps none.
 */
class CaseReportRegionCodeMigrationTest {

    /** Each earlier region text and the code it must get (null: none). */
    private static final Map<String, String> REGIONS = new LinkedHashMap<>();

    static {
        REGIONS.put("Almaty", "almaty");
        REGIONS.put("Алматы", "almaty");
        REGIONS.put("г. Алматы", "almaty");
        REGIONS.put("Akmola region", "akmola");
        REGIONS.put(" Karaganda Region ", "karaganda");
        REGIONS.put("Карагандинская область", "karaganda");
        REGIONS.put("Қарағанды облысы", "karaganda");
        REGIONS.put("Nur-Sultan", "astana");
        REGIONS.put("almaty-region", "almaty-region");
        REGIONS.put("Turkestan region", "turkistan");
        REGIONS.put("Almaty, Medeu district", null);
        REGIONS.put("Atlantis", null);
    }

    @Test
    void onH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:region-code-migration;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        migrated(h2);
    }

    @Test
    void onPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            migrated(postgres.getPostgresDatabase());
        }
    }

    private static void migrated(DataSource database) {
        Flyway.configure().dataSource(database).table("app_schema_history").locations("classpath:db/migration")
                .target("8").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        int n = 0;
        for (String region : REGIONS.keySet()) {
            jdbc.update("insert into case_report (process_instance_id, case_number, region) values (?, ?, ?)",
                    "instance-" + n, "2023-00000" + n, region);
            n++;
        }
        jdbc.update("insert into case_report (process_instance_id, case_number) values ('no-region', '2023-000099')");

        Flyway.configure().dataSource(database).table("app_schema_history").locations("classpath:db/migration").load()
                .migrate();

        n = 0;
        for (Map.Entry<String, String> region : REGIONS.entrySet()) {
            assertThat(jdbc.queryForObject("select region_code from case_report where process_instance_id = ?",
                    String.class, "instance-" + n)).as(region.getKey()).isEqualTo(region.getValue());
            n++;
        }
        assertThat(jdbc.queryForObject("select region_code from case_report where process_instance_id = 'no-region'",
                String.class)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from case_report where region_code = 'almaty'", Long.class))
                .as("the index's column answers").isEqualTo(3);
    }
}
