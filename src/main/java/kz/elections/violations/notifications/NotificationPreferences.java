package kz.elections.violations.notifications;

import java.util.Set;

import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Each user's choice, kept as the engine's user info: {@code notifications} ({@code off} switches e-mail
 * notifications off; anything else or nothing: on) and {@code language} ({@code kk} or {@code ru};
 * Russian when not chosen).
 */
@Component
public class NotificationPreferences {

    public static final String NOTIFICATIONS = "notifications";
    public static final String LANGUAGE = "language";
    public static final String OFF = "off";
    public static final Set<String> LANGUAGES = Set.of("kk", "ru");
    public static final String DEFAULT_LANGUAGE = "ru";

    private final IdentityService identityService;
    private final CurrentUser currentUser;

    public NotificationPreferences(IdentityService identityService, CurrentUser currentUser) {
        this.identityService = identityService;
        this.currentUser = currentUser;
    }

    public record Preference(boolean enabled, String language) {
    }

    public Preference of(String userId) {
        return currentUser.withoutEngineChecks(() -> {
            String switched = identityService.getUserInfo(userId, NOTIFICATIONS);
            String language = identityService.getUserInfo(userId, LANGUAGE);
            return new Preference(!OFF.equals(switched), language != null && LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE);
        });
    }

    public void set(String userId, Preference preference) {
        currentUser.withoutEngineChecks(() -> {
            identityService.setUserInfo(userId, NOTIFICATIONS, preference.enabled() ? "on" : OFF);
            identityService.setUserInfo(userId, LANGUAGE, preference.language());
            return null;
        });
    }
}
