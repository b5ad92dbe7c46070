/**
 * The deadlines view: the open tasks of the cases and of the complaints' triage by due state (overdue, due
 * today, due this week, later), by election and (the cases') district commission, and each election's time
 * left until its registration freeze;
 * counted in the database, never by loading every task. The operators' metrics read the same counts.
 */
package kz.elections.violations.deadlineview;
