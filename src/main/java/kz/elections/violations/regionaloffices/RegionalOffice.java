package kz.elections.violations.regionaloffices;

import static kz.elections.violations.model.CaseVariables.REGION_CODE;

import java.util.List;

import kz.elections.violations.regions.Region;
import kz.elections.violations.regions.Regions;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The regional prosecutors' office of a case, as the process model names it beside the General Prosecutor's
 * Office: {@code camunda:candidateGroups="prosecutors,${regionalOffice.of(execution)}"}. A case of a region
 * gets its office's group ({@code prosecutors-almaty}); a case without a region code (registered before
 * regions were data, with a region that names none) gets none, and its tasks go to {@code prosecutors} only.
 */
@Component("regionalOffice")
public class RegionalOffice {

    private final Regions regions;

    public RegionalOffice(Regions regions) {
        this.regions = regions;
    }

    /** The candidate groups the case's region adds: its office's group, or none. */
    public List<String> of(VariableScope execution) {
        return execution.getVariable(REGION_CODE) instanceof String code
                ? regions.byCode(code).map(Region::prosecutorsGroup).stream().toList() : List.of();
    }
}
