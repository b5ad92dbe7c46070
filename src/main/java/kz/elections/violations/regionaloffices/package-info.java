/**
 * The regional prosecutors' offices: a group {@code prosecutors-<region code>} for each region, created at every
 * start-up; the case's prosecutors' tasks offered to its region's office beside the General Prosecutor's Office
 * ({@link kz.elections.violations.regionaloffices.RegionalOffice}, named in the process model); and the upgrade
 * of cases registered before regions were data (their region code, their open tasks' candidate group, the
 * reporting table's column). Who reads which case by region: {@code cases.CaseAccess}.
 */
package kz.elections.violations.regionaloffices;
