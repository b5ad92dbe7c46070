package kz.elections.violations.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** An embedded PostgreSQL (the cluster's database) with every Flyway migration of the application applied. */
public final class MigratedPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final JdbcTemplate jdbc;

    private MigratedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    public static MigratedPostgres start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).table("app_schema_history")
                .locations("classpath:db/migration").load().migrate();
        return new MigratedPostgres(postgres);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
