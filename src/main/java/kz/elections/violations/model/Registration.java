package kz.elections.violations.model;

/** A candidate's registration as the case leaves it. */
public enum Registration {
    REGISTERED, CANCELLED, KEPT_DUE_TO_FREEZE, RESTORED
}
