package kz.elections.violations.security;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import kz.elections.violations.api.AccessDeniedException;
import kz.elections.violations.regions.Regions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The user the API filter authenticated for this request, with the engine groups they belong to. */
@Component
public class CurrentUser {

    public static final String ADMINS = "admins";
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /** The General Prosecutor's Office: every region's cases. */
    public static final String PROSECUTORS = "prosecutors";
    /** A regional prosecutors' office is the group {@code prosecutors-<region code>}: its own region's cases. */
    public static final String REGIONAL_PROSECUTORS_PREFIX = Regions.PROSECUTORS_GROUP_PREFIX;
    public static final String CEC = "cec";
    public static final String AUDITORS = "auditors";
    public static final String DISTRICT_COMMISSION_PREFIX = "dec-";

    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    public List<String> groups() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }

    public boolean isInAny(String... groups) {
        List<String> mine = groups();
        return Arrays.stream(groups).anyMatch(mine::contains);
    }

    /** The districts whose commission the user belongs to: "1" for a member of {@code dec-1}. */
    public List<String> districtCommissions() {
        return groups().stream().filter(group -> group.startsWith(DISTRICT_COMMISSION_PREFIX))
                .map(group -> group.substring(DISTRICT_COMMISSION_PREFIX.length())).toList();
    }

    /** The regions whose prosecutors' office the user belongs to: "almaty" for a member of {@code prosecutors-almaty}. */
    public List<String> prosecutorsRegions() {
        return prosecutorsRegionsOf(groups());
    }

    /** The region codes of the regional prosecutors' offices among these groups. */
    public static List<String> prosecutorsRegionsOf(List<String> groups) {
        return groups == null ? List.of() : groups.stream()
                .filter(group -> group.startsWith(REGIONAL_PROSECUTORS_PREFIX)
                        && group.length() > REGIONAL_PROSECUTORS_PREFIX.length())
                .map(group -> group.substring(REGIONAL_PROSECUTORS_PREFIX.length())).toList();
    }

    /** A prosecutor of the General Prosecutor's Office or of a regional office. */
    public boolean isProsecutor() {
        return isInAny(PROSECUTORS) || !prosecutorsRegions().isEmpty();
    }

    public boolean isAdmin() {
        return isInAny(ADMINS, CAMUNDA_ADMIN);
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw new AccessDeniedException("Only administrators may do this");
        }
    }

    /**
     * Runs engine reads on behalf of the project API after the API has checked the user's groups
     * itself: the engine's own authorization checks are skipped for the call (they apply to the engine's
     * REST API and the webapps).
     */
    public <T> T withoutEngineChecks(Supplier<T> read) {
        Authentication authentication = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (authentication != null) {
                identityService.setAuthentication(authentication);
            }
        }
    }

    /**
     * Runs a change the application has checked itself (an assignment within the task's group, a case
     * message) as the user, so that the engine's operation log names them, but with the application's
     * authority: the engine's checks are passed by the engine's administrators' group for this call only.
     */
    public <T> T onBehalfOf(Authentication user, Supplier<T> change) {
        List<String> groups = new java.util.ArrayList<>(user.getGroupIds() == null ? List.of() : user.getGroupIds());
        groups.add(CAMUNDA_ADMIN);
        return as(new Authentication(user.getUserId(), groups), change);
    }

    /** Runs engine calls as this user, with the engine's checks of their rights; the caller's user after. */
    public <T> T as(Authentication user, Supplier<T> call) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.setAuthentication(user);
        try {
            return call.get();
        } finally {
            if (before == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(before);
            }
        }
    }

    public void requireAnyOf(String... groups) {
        if (!isAdmin() && !isInAny(groups)) {
            throw new AccessDeniedException("This needs membership in one of " + Arrays.toString(groups));
        }
    }
}
