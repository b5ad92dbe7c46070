package kz.elections.violations.model;

public enum OffenderKind {
    CANDIDATE, CITIZEN, LEGAL_ENTITY, COMMISSION_MEMBER, COMMISSION_CHAIR, OBSERVER, FOREIGN_OBSERVER, PROXY,
    MEDIA_OWNER;

    /** A candidate's and an observer's registration is kept by a district commission, which the case names. */
    public boolean needsDistrictCommission() {
        return this == CANDIDATE || this == OBSERVER;
    }
}
