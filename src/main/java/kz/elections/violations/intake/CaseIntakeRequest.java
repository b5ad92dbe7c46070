package kz.elections.violations.intake;

import static kz.elections.violations.model.CaseVariables.*;

import java.util.HashMap;
import java.util.Map;

/**
 * Body of {@code POST /api/cases}. Every field is read as text so that a wrong value is reported
 * under its own name instead of failing the whole body.
 */
public record CaseIntakeRequest(
        String electionId,
        String region,
        String committedOn,
        String place,
        Offender offender,
        String code,
        String article,
        String part,
        String source,
        String description,
        Boolean substantialHarm,
        Boolean expelledFromPollingStation) {

    /** The contract's fields only; the two flags are false. */
    public CaseIntakeRequest(String electionId, String region, String committedOn, String place, Offender offender,
                             String code, String article, String part, String source, String description) {
        this(electionId, region, committedOn, place, offender, code, article, part, source, description, null, null);
    }

    public record Offender(String kind, String name, String iin, String bin, String districtCommission) {
    }

    /** The process variables of the case, flat as the Tasklist start form sets them. */
    public Map<String, Object> toVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ELECTION_ID, electionId);
        variables.put(REGION, region);
        variables.put(COMMITTED_ON, committedOn);
        variables.put(PLACE, place);
        if (offender != null) {
            variables.put(OFFENDER_KIND, offender.kind());
            variables.put(OFFENDER_NAME, offender.name());
            variables.put(OFFENDER_IIN, offender.iin());
            variables.put(OFFENDER_BIN, offender.bin());
            variables.put(DISTRICT_COMMISSION, offender.districtCommission());
        }
        variables.put(CODE, code);
        variables.put(ARTICLE, article);
        variables.put(PART, part);
        variables.put(SOURCE, source);
        variables.put(DESCRIPTION, description);
        variables.put(SUBSTANTIAL_HARM, substantialHarm);
        variables.put(EXPELLED_FROM_POLLING_STATION, expelledFromPollingStation);
        variables.values().removeIf(value -> value == null);
        return variables;
    }
}
