package kz.elections.violations.notifications;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who receives a notification: users of the engine's identity with an e-mail address who have not
 * switched notifications off, each with their language. Read with the application's authority (the
 * user whose action created the task need not see the other users).
 */
@Component
class Recipients {

    record Recipient(String userId, String email, String language) {
    }

    private final IdentityService identityService;
    private final NotificationPreferences preferences;
    private final CurrentUser currentUser;

    Recipients(IdentityService identityService, NotificationPreferences preferences, CurrentUser currentUser) {
        this.identityService = identityService;
        this.preferences = preferences;
        this.currentUser = currentUser;
    }

    /** The members of the groups, each once, and the named users, who want messages. */
    List<Recipient> of(Collection<String> groupIds, Collection<String> userIds) {
        Map<String, User> users = new LinkedHashMap<>();
        currentUser.withoutEngineChecks(() -> {
            for (String groupId : groupIds) {
                identityService.createUserQuery().memberOfGroup(groupId).list()
                        .forEach(user -> users.putIfAbsent(user.getId(), user));
            }
            for (String userId : userIds) {
                User user = identityService.createUserQuery().userId(userId).singleResult();
                if (user != null) {
                    users.putIfAbsent(user.getId(), user);
                }
            }
            return null;
        });
        return users.values().stream().map(this::recipient).flatMap(Optional::stream).toList();
    }

    private Optional<Recipient> recipient(User user) {
        String email = user.getEmail();
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        NotificationPreferences.Preference preference = preferences.of(user.getId());
        return preference.enabled() ? Optional.of(new Recipient(user.getId(), email.trim(), preference.language()))
                : Optional.empty();
    }
}
