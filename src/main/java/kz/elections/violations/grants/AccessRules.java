package kz.elections.violations.grants;

import kz.elections.violations.security.CurrentUser;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import kz.elections.violations.model.CaseVariables;
import kz.elections.violations.regions.Region;
import kz.elections.violations.regions.Regions;
import kz.elections.violations.tasklist.TasklistFilters;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what in the engine (authorizations are on). Applied at every start-up as the whole truth:
 * the grants below are written with exactly these permissions, and every other grant held by a staff
 * group, a staff user or everyone is revoked (an existing database is brought to today's rules, not
 * only completed). Administrators' grants, the engine's own grants of a user on their account and of a
 * group's members on their group, and REVOKE entries are left alone; the engine's per-task grants to a
 * task's candidates are narrowed to reading and working on the task.
 *
 * <ul>
 * <li>everyone: Tasklist and the Tasklist filters; tasks reach a user only through the engine's own
 * grant to a task's candidate group ({@code defaultUserPermissionNameForTask: TASK_WORK}: claim and
 * complete, nothing else), so {@code dec-2} never sees a task of {@code dec-1};</li>
 * <li>prosecutors (the General Prosecutor's Office): start cases, read them, their history and variables. No
 * UPDATE_INSTANCE: the case messages they send are checked and delivered by the application
 * (integrity.StaffRoutes);</li>
 * <li>a regional prosecutors' office ({@code prosecutors-<region code>}, one per region): start cases and read
 * the case process's definition and forms, nothing of any instance: no grant reaches across regions. Its tasks
 * reach it through the engine's per-task grant to the task's candidate groups, as a commission's do; the
 * project API reads its region's cases for it (cases.CaseAccess, by the case's region code);</li>
 * <li>auditors: read every process, instance, task, decision, deployment, history and the user
 * operation log, in Cockpit and over REST; no write permission at all;</li>
 * <li>admins: everything (deploy, migrate, users, repairs with a reason).</li>
 * </ul>
 */
@Component
public class AccessRules {

    private static final Logger LOG = LoggerFactory.getLogger(AccessRules.class);
    private static final String EVERYONE = ANY;
    private static final Set<String> ADMIN_GROUPS = Set.of(CurrentUser.ADMINS, CurrentUser.CAMUNDA_ADMIN);

    /** One grant of the rules: to a group, or to everyone ({@link #EVERYONE}). */
    private record Grant(String group, Resource resource, String resourceId, Permission... permissions) {

        int mask() {
            int mask = 0;
            for (Permission permission : permissions) {
                mask |= permission.getValue();
            }
            return mask;
        }

        boolean isFor(Authorization authorization) {
            boolean identity = EVERYONE.equals(group) ? authorization.getAuthorizationType() == AUTH_TYPE_GLOBAL
                    : authorization.getAuthorizationType() == AUTH_TYPE_GRANT && group.equals(authorization.getGroupId());
            return identity && authorization.getResourceType() == resource.resourceType()
                    && resourceId.equals(authorization.getResourceId());
        }
    }

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final IdentityService identities;
    private final Regions regions;

    public AccessRules(AuthorizationService authorizations, FilterService filters, IdentityService identities,
                       Regions regions) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.identities = identities;
        this.regions = regions;
    }

    /** In one transaction: all of the rules or, should one fail, none. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    public void apply() {
        List<Grant> rules = rules();
        for (Grant rule : rules) {
            write(rule);
        }
        for (Authorization authorization : authorizations.createAuthorizationQuery().list()) {
            if (rules.stream().noneMatch(rule -> rule.isFor(authorization))) {
                narrow(authorization);
            }
        }
    }

    private List<Grant> rules() {
        List<Grant> rules = new ArrayList<>();
        rules.add(new Grant(EVERYONE, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        for (String name : TasklistFilters.names()) {
            Filter filter = filters.createFilterQuery().filterName(name).singleResult();
            if (filter != null) {
                rules.add(new Grant(EVERYONE, Resources.FILTER, filter.getId(), Permissions.READ));
            }
        }

        String process = CaseVariables.PROCESS_KEY;
        rules.add(new Grant(CurrentUser.PROSECUTORS, Resources.PROCESS_DEFINITION, process,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE));
        rules.add(new Grant(CurrentUser.PROSECUTORS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
        // the intake rules read the offence catalogue (its newest version and model) as the registering prosecutor
        rules.add(new Grant(CurrentUser.PROSECUTORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
                Permissions.CREATE_INSTANCE));

        for (Region region : regions.all()) {
            String office = region.prosecutorsGroup();
            rules.add(new Grant(office, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE));
            rules.add(new Grant(office, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
            rules.add(new Grant(office, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE));
        }

        rules.add(new Grant(CurrentUser.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        rules.add(new Grant(CurrentUser.AUDITORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK));
        rules.add(new Grant(CurrentUser.AUDITORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
        rules.add(new Grant(CurrentUser.AUDITORS, Resources.TASK, ANY, Permissions.READ));
        rules.add(new Grant(CurrentUser.AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
                Permissions.READ_HISTORY));
        rules.add(new Grant(CurrentUser.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        rules.add(new Grant(CurrentUser.AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ));
        rules.add(new Grant(CurrentUser.AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY,
                UserOperationLogCategoryPermissions.READ));
        rules.add(new Grant(CurrentUser.AUDITORS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
        rules.add(new Grant(CurrentUser.AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
                HistoricProcessInstancePermissions.READ));
        rules.add(new Grant(CurrentUser.AUDITORS, Resources.BATCH, ANY, BatchPermissions.READ));

        for (Resources resource : Resources.values()) {
            rules.add(new Grant(CurrentUser.ADMINS, resource, ANY, Permissions.ALL));
        }
        return rules;
    }

    private void write(Grant rule) {
        boolean everyone = EVERYONE.equals(rule.group());
        Authorization existing = everyone
                ? authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                        .resourceType(rule.resource()).resourceId(rule.resourceId()).singleResult()
                : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                        .groupIdIn(rule.group()).resourceType(rule.resource()).resourceId(rule.resourceId())
                        .singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(everyone ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
        if (everyone) {
            authorization.setUserId(ANY);
        } else {
            authorization.setGroupId(rule.group());
        }
        authorization.setResource(rule.resource());
        authorization.setResourceId(rule.resourceId());
        int wanted = rule.mask();
        if (existing == null || mask(existing) != wanted) {
            if (existing != null) {
                LOG.info("Access rules: {} on {} {} set to {} (was {})", identity(existing), rule.resource().resourceName(),
                        rule.resourceId(), names(rule.permissions()), mask(existing));
            }
            authorization.setPermissions(rule.permissions());
            authorizations.saveAuthorization(authorization);
        }
    }

    /** A grant outside the rules: kept, narrowed or revoked. */
    private void narrow(Authorization authorization) {
        if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE || isAdministrators(authorization)
                || isEnginesOwnAccountGrant(authorization)) {
            return;
        }
        if (authorization.getResourceType() == Resources.TASK.resourceType() && !ANY.equals(authorization.getResourceId())) {
            // the engine's grant to a task's candidate or assignee: read and work on the task, nothing more
            Permission[] allowed = {Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.READ_VARIABLE};
            int keep = 0;
            for (Permission permission : allowed) {
                if (authorization.isPermissionGranted(permission)) {
                    keep |= permission.getValue();
                }
            }
            keep |= Permissions.READ.getValue() | TaskPermissions.TASK_WORK.getValue();
            if (mask(authorization) != keep) {
                authorization.setPermissions(new Permission[0]);
                for (Permission permission : allowed) {
                    if ((keep & permission.getValue()) == permission.getValue()) {
                        authorization.addPermission(permission);
                    }
                }
                authorizations.saveAuthorization(authorization);
            }
            return;
        }
        LOG.warn("Access rules: revoked a grant outside the rules: {} on resource type {} '{}' (permissions {})",
                identity(authorization), authorization.getResourceType(), authorization.getResourceId(),
                mask(authorization));
        authorizations.deleteAuthorization(authorization.getId());
    }

    private boolean isAdministrators(Authorization authorization) {
        if (authorization.getGroupId() != null) {
            return ADMIN_GROUPS.contains(authorization.getGroupId());
        }
        String user = authorization.getUserId();
        return user != null && !ANY.equals(user) && ADMIN_GROUPS.stream().anyMatch(group ->
                identities.createUserQuery().userId(user).memberOfGroup(group).count() > 0);
    }

    /** What the engine grants by itself: a user on their own account, a group's members on their group. */
    private static boolean isEnginesOwnAccountGrant(Authorization authorization) {
        String resourceId = authorization.getResourceId();
        if (authorization.getResourceType() == Resources.USER.resourceType()) {
            return resourceId != null && resourceId.equals(authorization.getUserId());
        }
        if (authorization.getResourceType() == Resources.GROUP.resourceType()) {
            return resourceId != null && resourceId.equals(authorization.getGroupId())
                    && mask(authorization) == Permissions.READ.getValue();
        }
        return false;
    }

    /** The permissions' bits as the engine stores them. */
    private static int mask(Authorization authorization) {
        return ((AuthorizationEntity) authorization).getPermissions();
    }

    private static String identity(Authorization authorization) {
        return authorization.getGroupId() != null ? "group " + authorization.getGroupId()
                : "user " + authorization.getUserId();
    }

    private static String names(Permission[] permissions) {
        return java.util.Arrays.stream(permissions).map(Permission::getName).toList().toString();
    }
}
