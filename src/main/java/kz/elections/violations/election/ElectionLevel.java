package kz.elections.violations.election;

public enum ElectionLevel {
    MAZHILIS, MASLIKHAT, PRESIDENTIAL, SENATE, REFERENDUM
}
