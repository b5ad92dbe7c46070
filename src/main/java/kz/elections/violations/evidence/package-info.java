/**
 * Evidence on cases ({@code /api/cases/{n}/evidence}): files the case's prosecutors attach, told by their
 * content, kept with their SHA-256, size, type, who added them and when in the table {@code case_evidence}
 * of the engine's database, never changed or removed (a correction is a new file naming the one it
 * corrects), read and downloaded by whoever may read the case.
 */
package kz.elections.violations.evidence;
