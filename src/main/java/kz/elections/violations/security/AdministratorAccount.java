package kz.elections.violations.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile there are no default users: the application refuses to start until an
 * administrator's credentials come from the environment ({@code ELECTIONS_ADMIN_USER},
 * {@code ELECTIONS_ADMIN_PASSWORD}). The account is created once, in the groups {@code camunda-admin}
 * and {@code admins}; its password is stored hashed by the engine and never logged. An existing
 * account keeps its password (change it in Camunda Admin).
 */
@Component
@Profile("!demo")
public class AdministratorAccount implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(AdministratorAccount.class);

    private final IdentityService identityService;
    private final String userId;
    private final String password;

    public AdministratorAccount(IdentityService identityService,
                                @Value("${elections.admin.user:}") String userId,
                                @Value("${elections.admin.password:}") String password) {
        this.identityService = identityService;
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void afterPropertiesSet() {
        if (userId.isBlank() || password.isBlank()) {
            throw new IllegalStateException("No administrator is configured: set the environment variables "
                    + "ELECTIONS_ADMIN_USER and ELECTIONS_ADMIN_PASSWORD (or run with the demo profile)");
        }
        if (password.length() < 12) {
            throw new IllegalStateException("ELECTIONS_ADMIN_PASSWORD must have at least 12 characters");
        }
        for (String groupId : new String[] {CurrentUser.CAMUNDA_ADMIN, CurrentUser.ADMINS}) {
            if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
                Group group = identityService.newGroup(groupId);
                group.setName(groupId.equals(CurrentUser.ADMINS) ? "Administrators" : "Camunda administrators");
                group.setType("SYSTEM");
                identityService.saveGroup(group);
            }
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName("Administrator");
            user.setLastName(userId);
            user.setPassword(password);
            identityService.saveUser(user);
            LOG.info("Administrator account '{}' created", userId);
        }
        for (String groupId : new String[] {CurrentUser.CAMUNDA_ADMIN, CurrentUser.ADMINS}) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
                identityService.createMembership(userId, groupId);
            }
        }
    }
}
