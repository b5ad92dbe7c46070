package kz.elections.violations.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the tests of the application's tables on a real PostgreSQL (the cluster's database): an embedded
 * PostgreSQL per test class with every Flyway migration applied, no application.
 */
public abstract class PostgresTestSupport {

    private static EmbeddedPostgres postgres;
    protected static JdbcTemplate jdbc;

    @BeforeAll
    static void migratedDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).table("app_schema_history")
                .locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }
}
