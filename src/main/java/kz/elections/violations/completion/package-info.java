/**
 * Completing a task: the rules each user task's completion must meet (bound in the BPMN to each task), and
 * the answer to two completions of one task at once.
 */
package kz.elections.violations.completion;
