/**
 * The case page ({@code /cases/{caseNumber}}, static files under {@code static/case/}) for the people who
 * work a case: its facts, offender, deadlines, decisions, linked cases and what happens next, in
 * Kazakh, Russian or English ({@code static/i18n/}).
 */
package kz.elections.violations.casepage;
