package kz.elections.violations.api;

/** One broken rule of a request: the JSON path of the field and the rule in plain words. */
public record FieldProblem(String field, String message) {
}
