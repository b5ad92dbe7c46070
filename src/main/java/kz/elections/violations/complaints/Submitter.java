package kz.elections.violations.complaints;

import kz.elections.violations.partners.Channel;
import kz.elections.violations.partners.Partner;

/**
 * Who sends a complaint, as {@link SubmissionGate} found out before the body was read: a partner (its key
 * checked) or a client address of the public.
 *
 * @param partner       the partner whose key came with the request; null for the public
 * @param clientAddress the client's address as the login throttle counts it
 */
record Submitter(Partner partner, String clientAddress) {

    static final String ATTRIBUTE = Submitter.class.getName();

    Channel channel() {
        return partner == null ? Channel.PUBLIC : partner.channel();
    }

    /** Whose submissions one Idempotency-Key belongs to: the partner's, or the client address's. */
    String idempotencyScope() {
        return partner == null ? "client:" + clientAddress : "partner:" + partner.id();
    }

    /** Whose count the rate limits keep. */
    String rateKey() {
        return idempotencyScope();
    }
}
