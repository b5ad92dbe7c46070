package kz.elections.violations.complaints;

/**
 * A complaint was received: published in the transaction that stores it, so that what starts its triage (a
 * job of the engine's) is written in the same transaction, and is gone with it if it rolls back.
 */
public record ComplaintReceived(String trackingNumber) {
}
