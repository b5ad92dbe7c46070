/**
 * Registering a detected fact: the intake request, the intake rules, case numbers, possible duplicates,
 * and the start listener that every way of starting a case passes.
 */
package kz.elections.violations.intake;
