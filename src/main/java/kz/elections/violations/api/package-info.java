/**
 * What the controllers and filters share: problem answers (RFC 9457), field problems, the rule-violation
 * exception, text limits, CSV writing, a request whose body was read once.
 */
package kz.elections.violations.api;
