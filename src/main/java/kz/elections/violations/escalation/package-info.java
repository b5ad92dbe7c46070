/**
 * Escalation of the deadlines nobody may miss: registration tasks still open shortly before the election's
 * freeze, and tasks past their due date; the case is marked at risk and the people of the case are told.
 */
package kz.elections.violations.escalation;
