/**
 * The public complaint pages ({@code /complaint/} and {@code /complaint/status.html}, Kazakh, Russian and
 * English, for a phone) and what they read without a login: the elections a complaint may concern and the
 * regions ({@code GET /api/complaints/form}).
 */
package kz.elections.violations.complaintpage;
