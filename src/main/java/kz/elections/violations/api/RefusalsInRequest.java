package kz.elections.violations.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The broken rules for which the engine refused a command while serving the current request. The
 * engine's REST API answers such a refusal with its message only, and a refused process start even with
 * 500; a filter around the engine's REST API opens a record, the engine's command interceptor records
 * each refusal in it, and the filter answers 400 listing every field.
 */
public final class RefusalsInRequest {

    private static final ThreadLocal<List<FieldProblem>> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<String> HEADING = new ThreadLocal<>();

    private RefusalsInRequest() {
    }

    /** Starts a record for the request the current thread serves. */
    public static void open() {
        CURRENT.set(new ArrayList<>());
        HEADING.remove();
    }

    /** Adds a refusal to the open record: its problems, and its heading when it is the first refusal. */
    public static void record(CaseRuleViolation violation) {
        if (CURRENT.get() != null && HEADING.get() == null) {
            HEADING.set(violation.heading());
        }
        record(violation.problems());
    }

    /** The refusal catalogue's heading of the first refusal recorded for the request, or null. */
    public static String heading() {
        return HEADING.get();
    }

    /** Adds a refusal's problems to the open record; without one (not a request's command) it does nothing. */
    public static void record(List<FieldProblem> problems) {
        List<FieldProblem> recorded = CURRENT.get();
        if (recorded != null) {
            problems.stream().filter(problem -> !recorded.contains(problem)).forEach(recorded::add);
        }
    }

    /** Ends the record; the problems recorded, in order. */
    public static List<FieldProblem> close() {
        List<FieldProblem> recorded = CURRENT.get();
        CURRENT.remove();
        HEADING.remove();
        return recorded == null ? List.of() : List.copyOf(recorded);
    }
}
