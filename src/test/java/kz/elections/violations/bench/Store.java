package kz.elections.violations.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Where the benchmark's application nodes keep their data: an H2 file under target/bench/scale (the
 * default configuration's kind of database) or a database of an embedded PostgreSQL (the postgres
 * profile, several nodes). A store can be copied, so that a database prepared once serves several runs.
 */
abstract class Store {

    static final Path H2_FOLDER = Path.of("target/bench/scale").toAbsolutePath();

    private final String name;

    Store(String name) {
        this.name = name;
    }

    static Store h2(String name) {
        return new H2(name);
    }

    static Store postgres(EmbeddedPostgres server, String name) {
        return new Postgres(server, name);
    }

    /** A PostgreSQL database name: letters, digits and underscores only. */
    private static String sqlName(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    String name() {
        return name;
    }

    abstract String kind();

    /** Makes the store empty. */
    abstract void create();

    /** A new store of the same kind holding what this one holds (no node may be using this one). */
    abstract Store copy(String copyName);

    /** The application's arguments for a node of this name on this store (the demo users, no briefing). */
    abstract List<String> arguments(String node);

    /** The store's database for checks of what a run left in it (for an H2 file: only while no node uses it). */
    abstract JdbcTemplate jdbc();

    /** Successful freeze batches of the election by node (the job log's host name); empty where unknown. */
    Map<String, Long> freezeJobsByNode(String electionId) {
        return Map.of();
    }

    /** Starts counting the database's statements (PostgreSQL with pg_stat_statements loaded; else nothing). */
    void resetStatements() {
    }

    /** Writes the statements counted since {@link #resetStatements()} and the tables' scans to the file. */
    void writeStatements(Path file) {
    }

    /** An H2 file; one node at a time (H2 file mode allows one process). */
    private static final class H2 extends Store {

        H2(String name) {
            super(name);
        }

        @Override
        String kind() {
            return "H2 file";
        }

        @Override
        void create() {
            try {
                Files.createDirectories(H2_FOLDER);
                try (Stream<Path> files = Files.list(H2_FOLDER)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name() + ".")).toList()) {
                        Files.delete(file);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        Store copy(String copyName) {
            H2 copy = new H2(copyName);
            copy.create();
            try {
                Files.copy(H2_FOLDER.resolve(name() + ".mv.db"), H2_FOLDER.resolve(copyName + ".mv.db"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return copy;
        }

        @Override
        JdbcTemplate jdbc() {
            return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + H2_FOLDER.resolve(name())
                    + ";OPTIMIZE_REUSE_RESULTS=FALSE", "sa", ""));
        }

        @Override
        List<String> arguments(String node) {
            // the default configuration's URL options, on a file of the benchmark's own
            return List.of("--spring.datasource.url=jdbc:h2:file:" + H2_FOLDER.resolve(name())
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE", "--audit.demo-briefing=false");
        }
    }

    /** A database of an embedded PostgreSQL server, shared by every node started on it. */
    private static final class Postgres extends Store {

        private final EmbeddedPostgres server;

        Postgres(EmbeddedPostgres server, String name) {
            super(sqlName(name));
            this.server = server;
        }

        @Override
        String kind() {
            return "PostgreSQL";
        }

        private JdbcTemplate admin() {
            return new JdbcTemplate(server.getPostgresDatabase());
        }

        @Override
        void create() {
            admin().execute("drop database if exists " + name());
            admin().execute("create database " + name());
        }

        @Override
        Store copy(String copyName) {
            Postgres copy = new Postgres(server, copyName);
            admin().execute("drop database if exists " + copy.name());
            admin().execute("create database " + copy.name() + " template " + name());
            return copy;
        }

        @Override
        List<String> arguments(String node) {
            return List.of("--spring.profiles.active=postgres,demo",
                    "--spring.datasource.url=" + server.getJdbcUrl("postgres", name()),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--camunda.bpm.generic-properties.properties.hostname=" + node, "--audit.demo-briefing=false");
        }

        @Override
        JdbcTemplate jdbc() {
            return new JdbcTemplate(server.getDatabase("postgres", name()));
        }

        @Override
        void resetStatements() {
            JdbcTemplate jdbc = new JdbcTemplate(server.getDatabase("postgres", name()));
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.execute("select pg_stat_statements_reset()");
            jdbc.execute("select pg_stat_reset()");
        }

        @Override
        void writeStatements(Path file) {
            JdbcTemplate jdbc = new JdbcTemplate(server.getDatabase("postgres", name()));
            StringBuilder out = new StringBuilder("total ms | calls | mean ms | rows | statement\n");
            jdbc.query("select total_exec_time, calls, mean_exec_time, rows, query from pg_stat_statements"
                    + " order by total_exec_time desc limit 40", row -> {
                        out.append(String.format("%.0f | %d | %.3f | %d | %s%n", row.getDouble(1), row.getLong(2),
                                row.getDouble(3), row.getLong(4), row.getString(5).replaceAll("\\s+", " ")));
                    });
            out.append("\ntable | seq scans | rows read by seq scans | index scans | inserts | updates (hot) | deletes\n");
            jdbc.query("select relname, seq_scan, seq_tup_read, idx_scan, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del"
                    + " from pg_stat_user_tables order by seq_tup_read desc", row -> {
                        out.append(String.format("%s | %d | %d | %d | %d | %d (%d) | %d%n", row.getString(1),
                                row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6),
                                row.getLong(7), row.getLong(8)));
                    });
            try {
                Files.writeString(file, out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        Map<String, Long> freezeJobsByNode(String electionId) {
            Map<String, Long> byNode = new TreeMap<>();
            new JdbcTemplate(server.getDatabase("postgres", name())).query("select hostname_, count(*) from act_hi_job_log"
                    + " where act_id_ = 'Task_WithdrawWaitingCases' and job_def_configuration_ = 'async-before'"
                    + " and job_state_ = 2 and process_instance_id_ in (select id_ from act_hi_procinst"
                    + " where proc_def_key_ = 'ElectionRegistrationFreeze' and business_key_ = ?) group by hostname_",
                    row -> {
                        byNode.put(row.getString(1), row.getLong(2));
                    }, electionId);
            return byNode;
        }
    }
}
