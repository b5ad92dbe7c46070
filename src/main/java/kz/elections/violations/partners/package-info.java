/**
 * Partners that send complaints over the API with a key of their own (the CEC's hotline, media
 * monitoring, the CEC's referrals): the channels complaints come by, the keys administrators issue and
 * revoke ({@code /api/admin/partners}), stored only as their SHA-256, and the look-up of a key's partner.
 */
package kz.elections.violations.partners;
