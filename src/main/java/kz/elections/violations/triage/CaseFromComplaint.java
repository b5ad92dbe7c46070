package kz.elections.violations.triage;

import static kz.elections.violations.model.CaseVariables.ARTICLE;
import static kz.elections.violations.model.CaseVariables.CODE;
import static kz.elections.violations.model.CaseVariables.COMMITTED_ON;
import static kz.elections.violations.model.CaseVariables.DESCRIPTION;
import static kz.elections.violations.model.CaseVariables.DISTRICT_COMMISSION;
import static kz.elections.violations.model.CaseVariables.ELECTION_ID;
import static kz.elections.violations.model.CaseVariables.OFFENDER_BIN;
import static kz.elections.violations.model.CaseVariables.OFFENDER_IIN;
import static kz.elections.violations.model.CaseVariables.OFFENDER_KIND;
import static kz.elections.violations.model.CaseVariables.OFFENDER_NAME;
import static kz.elections.violations.model.CaseVariables.PART;
import static kz.elections.violations.model.CaseVariables.PLACE;
import static kz.elections.violations.model.CaseVariables.REGION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.complaints.Complaint;
import kz.elections.violations.intake.CaseIntakeRequest;
import kz.elections.violations.intake.FactSource;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The case an accepted complaint opens: the triage's completion gives the case's fields as flat variables
 * named as the case's own ({@code electionId}, {@code region}, ..., {@code offenderIin}, {@code article});
 * what it leaves empty is taken from the complaint; the source is {@code COMPLAINT}. A refusal names each
 * field as the completion's variable ({@code variables.offenderIin}).
 */
final class CaseFromComplaint {

    /** The intake's JSON path of each field, by the completion's variable. */
    private static final Map<String, String> PATHS = Map.of("offender.kind", OFFENDER_KIND,
            "offender.name", OFFENDER_NAME, "offender.iin", OFFENDER_IIN, "offender.bin", OFFENDER_BIN,
            "offender.districtCommission", DISTRICT_COMMISSION);

    private CaseFromComplaint() {
    }

    record Built(CaseIntakeRequest request, List<FieldProblem> problems) {
    }

    static Built of(VariableScope variables, Complaint complaint) {
        List<FieldProblem> problems = new ArrayList<>();
        Reader read = new Reader(variables, problems);
        CaseIntakeRequest request = new CaseIntakeRequest(
                read.or(ELECTION_ID, complaint.electionId()),
                read.or(REGION, complaint.regionCode()),
                read.or(COMMITTED_ON, complaint.committedOn().toString()),
                read.or(PLACE, complaint.place()),
                new CaseIntakeRequest.Offender(read.or(OFFENDER_KIND, complaint.offenderKind()),
                        read.or(OFFENDER_NAME, complaint.offenderName()), read.or(OFFENDER_IIN, null),
                        read.or(OFFENDER_BIN, null), read.or(DISTRICT_COMMISSION, null)),
                read.or(CODE, null),
                read.or(ARTICLE, null),
                read.or(PART, null),
                FactSource.COMPLAINT.name(),
                read.or(DESCRIPTION, complaint.description()));
        return new Built(request, problems);
    }

    /** The intake's problem under the completion's variable it came from. */
    static FieldProblem asCompletionField(FieldProblem problem) {
        String variable = PATHS.getOrDefault(problem.field(), problem.field());
        return new FieldProblem("variables." + variable, problem.message(), problem.rule(), problem.arguments());
    }

    private record Reader(VariableScope variables, List<FieldProblem> problems) {

        /** The completion's text of the variable, or the complaint's when it gives none. */
        String or(String name, String fromComplaint) {
            Object value = variables.getVariable(name);
            if (value == null || (value instanceof String text && text.isBlank())) {
                return fromComplaint;
            }
            if (value instanceof String text) {
                return text;
            }
            if (value instanceof Number number) {
                return number.toString();
            }
            problems.add(FieldProblem.of("variables." + name, "text.notText", "must be text"));
            return fromComplaint;
        }
    }
}
