package kz.elections.violations.reporting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a case's changed columns to {@code case_report}. It runs on the connection of the engine's
 * transaction (the engine and this template share the Spring-managed data source), so a command that
 * rolls back leaves no trace here either.
 */
class CaseReportWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CaseReportWriter.class);

    /** Key of the transaction's set of changed cases. */
    private static final Object CHANGED_CASES = new Object();

    private final JdbcTemplate jdbc;

    CaseReportWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param columns column names (from {@link ReportedVariables} and this package only) and values
     * @param started the command started the case: the row is new
     */
    void write(String processInstanceId, Map<String, Object> columns, boolean started) {
        if (columns.isEmpty()) {
            return;
        }
        List<Object> arguments = new ArrayList<>(columns.values());
        arguments.add(processInstanceId);
        StringBuilder sets = new StringBuilder();
        for (String column : columns.keySet()) {
            sets.append(sets.isEmpty() ? "" : ", ").append(column).append(" = ?");
        }
        int updated = jdbc.update("update case_report set " + sets + " where process_instance_id = ?",
                arguments.toArray());
        if (updated > 0) {
            countChange(processInstanceId);
            return;
        }
        if (!started) {
            // a case started before the reporting table existed: CaseReportBackfill adds it from history
            LOG.warn("No report row for process instance {}; it is added by the backfill at the next start",
                    processInstanceId);
            return;
        }
        StringBuilder names = new StringBuilder("process_instance_id");
        StringBuilder marks = new StringBuilder("?");
        for (String column : columns.keySet()) {
            names.append(", ").append(column);
            marks.append(", ?");
        }
        List<Object> values = new ArrayList<>();
        values.add(processInstanceId);
        values.addAll(columns.values());
        jdbc.update("insert into case_report (" + names + ") values (" + marks + ")", values.toArray());
        countChange(processInstanceId);
    }

    /**
     * Moves the version of the case's election, so the statistics count that election again. Inside a
     * transaction the versions move once, just before it commits: the version row of an election is
     * then locked only for the commit, not from a case's first change to the end of a transaction that
     * may change a hundred cases (the freeze's batches), which would make batches of one election wait
     * for each other.
     */
    private void countChange(String processInstanceId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            moveVersions(Set.of(processInstanceId));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> changed = (Set<String>) TransactionSynchronizationManager.getResource(CHANGED_CASES);
        if (changed == null) {
            Set<String> cases = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(CHANGED_CASES, cases);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    moveVersions(cases);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CHANGED_CASES);
                }
            });
            changed = cases;
        }
        changed.add(processInstanceId);
    }

    private void moveVersions(Set<String> processInstanceIds) {
        List<String> ids = new ArrayList<>(processInstanceIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            jdbc.update("update case_report_version set version = version + 1 where election_id in "
                    + "(select election_id from case_report where process_instance_id in (" + marks + "))",
                    part.toArray());
        }
    }
}
