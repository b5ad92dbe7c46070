package kz.elections.violations.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.elections.violations.api.AccessDeniedException;
import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's own notification settings ({@code /api/me/notifications}) and the admins' mailbox
 * ({@code /api/admin/mailbox}): the messages kept because no mail server is configured.
 */
@RestController
class NotificationsController {

    private static final Set<String> FIELDS = Set.of("enabled", "language");

    private final NotificationPreferences preferences;
    private final NotificationOutbox outbox;
    private final CurrentUser currentUser;

    NotificationsController(NotificationPreferences preferences, NotificationOutbox outbox, CurrentUser currentUser) {
        this.preferences = preferences;
        this.outbox = outbox;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/me/notifications")
    NotificationPreferences.Preference mine() {
        return preferences.of(me());
    }

    /** Body {"enabled": true|false, "language": "kk"|"ru"}; a field left out keeps its value. */
    @PutMapping("/api/me/notifications")
    NotificationPreferences.Preference change(@RequestBody(required = false) Map<String, Object> body) {
        String me = me();
        if (body == null) {
            throw new InvalidRequestException("enabled", "the body is required: {\"enabled\": true|false, \"language\": \"kk\"|\"ru\"}");
        }
        List<FieldProblem> problems = new ArrayList<>();
        body.keySet().stream().filter(field -> field == null || !FIELDS.contains(field)).map(String::valueOf).sorted()
                .forEach(field -> problems.add(new FieldProblem(field, "is not a setting: only enabled and language")));
        Object enabled = body.get("enabled");
        if (body.containsKey("enabled") && !(enabled instanceof Boolean)) {
            problems.add(new FieldProblem("enabled", "must be true or false"));
        }
        Object language = body.get("language");
        if (body.containsKey("language") && !(language instanceof String code
                && NotificationPreferences.LANGUAGES.contains(code))) {
            problems.add(new FieldProblem("language", "must be kk (Kazakh) or ru (Russian)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        NotificationPreferences.Preference now = preferences.of(me);
        NotificationPreferences.Preference changed = new NotificationPreferences.Preference(
                enabled == null ? now.enabled() : (Boolean) enabled, language == null ? now.language() : (String) language);
        preferences.set(me, changed);
        return changed;
    }

    record MailboxMessage(long id, String recipient, String email, String language, String caseNumber,
                          String subject, String body, Instant createdAt) {
    }

    /** The newest messages kept in the mailbox (at most {@code limit}, 1-1000); admins only. */
    @GetMapping("/api/admin/mailbox")
    List<MailboxMessage> mailbox(@RequestParam(defaultValue = "200") String limit) {
        currentUser.requireAdmin();
        int count;
        try {
            count = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 1000) {
            throw new InvalidRequestException("limit", "must be a whole number from 1 to 1000");
        }
        return outbox.inStatus(NotificationOutbox.MAILBOX, count).stream()
                .map(row -> new MailboxMessage(row.id(), row.recipient(), row.email(), row.language(), row.caseNumber(),
                        row.subject(), row.body(), row.createdAt()))
                .toList();
    }

    private String me() {
        String id = currentUser.id();
        if (id == null) {
            throw new AccessDeniedException("Log in to read or change your notification settings");
        }
        return id;
    }
}
