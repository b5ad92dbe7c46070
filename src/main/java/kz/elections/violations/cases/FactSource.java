package kz.elections.violations.cases;

public enum FactSource {
    MONITORING, COMPLAINT, MEDIA, SOCIAL_NETWORK, CEC_REFERRAL
}
