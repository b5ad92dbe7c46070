package kz.elections.violations.integrity;

import java.util.List;

import kz.elections.violations.api.FieldProblem;

/** What the gate does with a request that would change something: let it through, refuse it, or do it. */
sealed interface GateDecision {

    GateDecision PASS = new Pass();

    /** The engine handles the request (its own authorization checks still apply). */
    record Pass() implements GateDecision {
    }

    /** Refused: nothing reaches the engine. */
    record Refuse(int status, String title, String detail, List<FieldProblem> errors) implements GateDecision {
    }

    /** The gate performs the request itself, after checking it, and answers with this status and body. */
    record Perform(Action action) implements GateDecision {
    }

    @FunctionalInterface
    interface Action {
        /** Runs the change; returns the HTTP status and a JSON body, or null for none. */
        Answer run();
    }

    record Answer(int status, Object body) {
    }

    static Refuse forbidden(String detail) {
        return new Refuse(403, "Not allowed", detail, List.of());
    }

    static Refuse notFound(String detail) {
        return new Refuse(404, "Not found", detail, List.of());
    }

    static Refuse invalid(String detail, List<FieldProblem> errors) {
        return new Refuse(400, "The request breaks one or more rules", detail, errors);
    }
}
