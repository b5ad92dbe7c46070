package kz.elections.violations.model;

public enum CaseStatus {
    OPEN, CLOSED
}
