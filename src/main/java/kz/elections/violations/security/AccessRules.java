package kz.elections.violations.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import kz.elections.violations.cases.CaseVariables;
import kz.elections.violations.tasklist.TasklistFilters;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
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
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the engine (authorizations are on). Written at start-up, idempotently: a grant
 * that exists is completed with missing permissions, never duplicated.
 *
 * <ul>
 * <li>everyone: Tasklist and the Tasklist filters; tasks reach a user only through the engine's own
 * grant to a task's candidate group (so {@code dec-2} never sees a task of {@code dec-1});</li>
 * <li>prosecutors: start cases, read them, their history and variables, correlate the case's
 * messages;</li>
 * <li>auditors: read every process, instance, task, decision, deployment, history and the user
 * operation log, in Cockpit and over REST; no write permission at all;</li>
 * <li>admins: everything (deploy, migrate, users).</li>
 * </ul>
 */
@Component
public class AccessRules {

    private final AuthorizationService authorizations;
    private final FilterService filters;

    public AccessRules(AuthorizationService authorizations, FilterService filters) {
        this.authorizations = authorizations;
        this.filters = filters;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void apply() {
        grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        for (String name : List.of(TasklistFilters.GROUP_TASKS, TasklistFilters.MY_TASKS)) {
            Filter filter = filters.createFilterQuery().filterName(name).singleResult();
            if (filter != null) {
                grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }

        String process = CaseVariables.PROCESS_KEY;
        grant(CurrentUser.PROSECUTORS, Resources.PROCESS_DEFINITION, process,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        grant(CurrentUser.PROSECUTORS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // the intake rules read the offence catalogue (its newest version and model) as the registering prosecutor
        grant(CurrentUser.PROSECUTORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
                Permissions.CREATE_INSTANCE);

        grant(CurrentUser.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(CurrentUser.AUDITORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(CurrentUser.AUDITORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(CurrentUser.AUDITORS, Resources.TASK, ANY, Permissions.READ);
        grant(CurrentUser.AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(CurrentUser.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(CurrentUser.AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(CurrentUser.AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
        grant(CurrentUser.AUDITORS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grant(CurrentUser.AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grant(CurrentUser.AUDITORS, Resources.BATCH, ANY, BatchPermissions.READ);

        for (Resources resource : Resources.values()) {
            grant(CurrentUser.ADMINS, resource, ANY, Permissions.ALL);
        }
    }

    private void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
        authorization.setUserId(ANY);
        save(authorization, resource, resourceId, permissions);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        save(authorization, resource, resourceId, permissions);
    }

    private void save(Authorization authorization, Resource resource, String resourceId, Permission[] permissions) {
        boolean changed = authorization.getId() == null;
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
