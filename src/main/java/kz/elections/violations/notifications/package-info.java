/**
 * E-mail notifications: a message to each member of a task's groups when the task is created or
 * escalates, and to the prosecutor who registered a case when it closes. Messages are rows of an
 * outbox written in the engine's transaction and sent after it committed by a scheduled sender (through
 * {@code spring.mail.*}), retried while the mail server is down; without a mail server they are kept
 * for the admins' mailbox. Each user chooses whether to receive them and in which language.
 */
package kz.elections.violations.notifications;
