/**
 * The beans behind the process's service tasks and listeners: the appeal period, legal effect, the payment
 * period, the ordinary procedure, and the case record each step writes.
 */
package kz.elections.violations.steps;
