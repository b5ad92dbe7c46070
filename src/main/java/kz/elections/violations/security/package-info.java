/**
 * Who is calling: HTTP Basic on the APIs, the current user and groups, the auditors' read-only guard, the
 * login throttle, security headers, the production administrator.
 */
package kz.elections.violations.security;
