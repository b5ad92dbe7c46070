/**
 * Engine plugins that are not about one feature: the subtask index on ACT_RU_TASK, the rule violations
 * handed to callers unwrapped.
 */
package kz.elections.violations.engine;
