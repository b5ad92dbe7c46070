/**
 * The case's vocabulary shared by every feature: its process variables, statuses, outcomes, registration
 * states, offender kinds, and the mask of identifiers.
 */
package kz.elections.violations.model;
