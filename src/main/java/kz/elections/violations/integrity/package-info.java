/**
 * The law's steps hold against every account. Staff change a case only through the intake, their own
 * tasks (with the task's own form fields) and the case messages; every other route of the engine's REST
 * API and of the webapps' engine mount is refused for them ({@link kz.elections.violations.integrity.EngineApiGate},
 * routes classified by Camunda's OpenAPI description in {@link kz.elections.violations.integrity.EngineRoutes}).
 * Administrators keep their repair powers; each use needs a reason and is recorded as an intervention
 * that the case's timeline and the auditors show ({@link kz.elections.violations.integrity.Interventions}).
 */
package kz.elections.violations.integrity;
