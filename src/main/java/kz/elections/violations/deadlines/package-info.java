/**
 * Due dates of the case's user tasks: the DMN table {@code TaskDeadlines} (processes/task-deadlines.dmn)
 * gives each task its term, counted in calendar or working days from the task's creation, or ties it to
 * a moment of the election's calendar (the registration freeze); the due dates follow that calendar
 * when it moves.
 */
package kz.elections.violations.deadlines;
