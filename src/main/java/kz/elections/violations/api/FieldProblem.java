package kz.elections.violations.api;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One broken rule of a request: the JSON path of the field and the rule in plain words. A rule of the
 * case's own (intake, task completion) also carries its {@code rule} key and arguments, under which the
 * refusal catalogue ({@code i18n/refusals*.properties}) words it in Kazakh, Russian and English; the JSON
 * answer shows only the field and the message.
 */
public record FieldProblem(String field, String message, @JsonIgnore String rule, @JsonIgnore List<Object> arguments) {

    public FieldProblem(String field, String message) {
        this(field, message, null, List.of());
    }

    public FieldProblem {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** A problem of a rule from the refusal catalogue, with its English message for the project API. */
    public static FieldProblem of(String field, String rule, String message, Object... arguments) {
        return new FieldProblem(field, message, rule, Arrays.asList(arguments));
    }

    /** A problem of a rule from the refusal catalogue: a {@link TextLimits.Broken} under its field. */
    public static FieldProblem of(String field, TextLimits.Broken broken) {
        return new FieldProblem(field, broken.message(), broken.rule(), broken.arguments());
    }
}
