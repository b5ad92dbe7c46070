package kz.elections.violations.cases;

public enum CaseStatus {
    OPEN, CLOSED
}
