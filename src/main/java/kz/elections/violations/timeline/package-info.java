/**
 * A case's timeline (/api/cases/{n}/history) from the engine's history and the interventions.
 */
package kz.elections.violations.timeline;
