/**
 * Complaints from the public and partners: {@code POST /api/complaints} without credentials (JSON, or
 * multipart with the complaint's files), its public status by tracking number, the rules a complaint
 * keeps, its files (type told by content, limits, SHA-256), partner keys' channels, idempotent retries,
 * rate limits per client address and per partner, and the staff's reading of complaints by region. A
 * complaint received is published as {@link kz.elections.violations.complaints.ComplaintReceived}; its
 * triage ({@code triage}) answers it.
 */
package kz.elections.violations.complaints;
