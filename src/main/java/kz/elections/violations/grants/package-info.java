/**
 * The engine's authorizations, applied at every start-up as the whole truth: what each group may do in the
 * engine, and what an upgrade revokes.
 */
package kz.elections.violations.grants;
