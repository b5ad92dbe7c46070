/**
 * The auditors' reporting table case_report: one row per case, written from the engine's history events in
 * the engine's own transaction; the queries of the case list, the statistics and duplicate look-ups.
 */
package kz.elections.violations.reporting;
