/**
 * The case API, /api/cases: registering a fact, the list of cases with its filters, paging and CSV, one
 * case; and who reads which case and sees identifiers in full (CaseAccess).
 */
package kz.elections.violations.cases;
