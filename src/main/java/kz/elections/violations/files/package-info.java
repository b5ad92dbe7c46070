/**
 * What a file sent to the application is, told by its content (its first bytes), never by its name or the
 * type its sender claims: the evidence on cases and the complaints' files accept only these types; and the
 * SHA-256 both record and check.
 */
package kz.elections.violations.files;
