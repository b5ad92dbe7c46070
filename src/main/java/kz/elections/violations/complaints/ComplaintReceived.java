package kz.elections.violations.complaints;

/**
 * A complaint was received: published in the transaction that stores it, so that its triage starts in the
 * same transaction (and is gone with it if it rolls back).
 */
public record ComplaintReceived(String trackingNumber) {
}
