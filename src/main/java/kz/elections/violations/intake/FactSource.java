package kz.elections.violations.intake;

public enum FactSource {
    MONITORING, COMPLAINT, MEDIA, SOCIAL_NETWORK, CEC_REFERRAL
}
