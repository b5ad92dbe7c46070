/**
 * The registration freeze: one timer per election at D-2 00:00 that withdraws the election's waiting
 * cancellations and restorations in batches, moved when the calendar moves; the check before a
 * registration step.
 */
package kz.elections.violations.freeze;
