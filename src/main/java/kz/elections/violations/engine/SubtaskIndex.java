package kz.elections.violations.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds the one index Camunda 7's schema lacks for our load: ACT_RU_TASK(PARENT_TASK_ID_). Whenever a task
 * ends (completed, or withdrawn by the freeze) the engine looks for its subtasks by that column; without
 * an index every look-up reads the whole task table: a freeze withdrawing 10,000 open cancellations would
 * read about 50 million rows (a known gap, camunda/camunda#36824).
 * Created after the engine made or checked its schema, if not there yet, on H2 and PostgreSQL alike.
 */
@Component
public class SubtaskIndex extends AbstractProcessEnginePlugin {

    public static final String INDEX_NAME = "ELECTIONS_IDX_TASK_PARENT";

    private static final Logger LOG = LoggerFactory.getLogger(SubtaskIndex.class);

    private final JdbcTemplate jdbc;
    private String tablePrefix = "";

    public SubtaskIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        tablePrefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try {
            jdbc.execute("create index if not exists " + INDEX_NAME + " on " + tablePrefix
                    + "ACT_RU_TASK (PARENT_TASK_ID_)");
        } catch (DataAccessException e) {
            // another node starting on the same database at the same moment may have created it
            LOG.warn("Index {} on ACT_RU_TASK not created here: {}", INDEX_NAME, e.getMessage());
        }
    }
}
