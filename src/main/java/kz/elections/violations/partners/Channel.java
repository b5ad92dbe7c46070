package kz.elections.violations.partners;

/** The way a complaint came: the public page or API without a key, or a partner's channel. */
public enum Channel {
    /** The public page, or the API without a partner key. */
    PUBLIC,
    /** A hotline taking complaints by phone (the CEC's, a party's, an NGO's). */
    HOTLINE,
    /** Monitoring of the media and social networks. */
    MEDIA_MONITORING,
    /** Complaints the Central Election Commission refers to the prosecutors. */
    CEC_REFERRAL;

    /** Whether a partner's key may have this channel (every one but {@link #PUBLIC}). */
    public boolean isPartners() {
        return this != PUBLIC;
    }
}
