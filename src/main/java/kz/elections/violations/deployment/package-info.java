/**
 * Deploying processes, decisions and forms: the bundled ones at start-up (an admin's revision wins), the
 * checks every deployment passes, and migrating running cases to a new version.
 */
package kz.elections.violations.deployment;
