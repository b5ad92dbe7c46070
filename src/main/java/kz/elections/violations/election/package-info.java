/**
 * Elections and their calendar: the milestones counted back from the voting day in the election's time
 * zone; events when an election is registered or its calendar changes.
 */
package kz.elections.violations.election;
