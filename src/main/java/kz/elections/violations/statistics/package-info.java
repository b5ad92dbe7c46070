/**
 * The statistics of elections and periods (/api/statistics, its CSV), counted from the reporting table and
 * recounted only where cases changed.
 */
package kz.elections.violations.statistics;
