/**
 * The Tasklist filters every staff member gets.
 */
package kz.elections.violations.tasklist;
