/**
 * The auditors' pages under /audit (static HTML and scripts in src/main/resources/static/audit) and their
 * routes.
 */
package kz.elections.violations.audit;
