/**
 * Guards on every request: the request body limit, Object variables refused, and the engine REST API's
 * errors answered as problems (unknown ids as 404).
 */
package kz.elections.violations.web;
