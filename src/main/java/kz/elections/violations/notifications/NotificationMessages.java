package kz.elections.violations.notifications;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.stereotype.Component;

/**
 * The words of the e-mails, from {@code i18n/notifications_kk.properties} and {@code _ru}: a subject with
 * the case number and a body with the links to the task and the case page. A message names the task, the
 * case number, the due date and the outcome; never an offender's identifier.
 */
@Component
class NotificationMessages {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final NotificationProperties properties;

    NotificationMessages(NotificationProperties properties) {
        this.properties = properties;
    }

    record Message(String subject, String body) {
    }

    /** What a task is about, as the messages need it. */
    record TaskFacts(String taskId, String taskName, String caseNumber, Instant due, ZoneId zone) {
    }

    Message taskCreated(String language, TaskFacts task) {
        return message(language, "task.created", task, "");
    }

    Message taskEscalated(String language, TaskFacts task, String kind) {
        ResourceBundle words = words(language);
        String key = "task.escalated." + kind;
        String sentence = words.containsKey(key) ? words.getString(key) : words.getString("task.escalated.other");
        return message(language, "task.escalated", task,
                MessageFormat.format(sentence, task.caseNumber(), taskName(task.taskName(), language)));
    }

    Message caseClosed(String language, String caseNumber, String outcome) {
        ResourceBundle words = words(language);
        String outcomeWords = outcome != null && words.containsKey("outcome." + outcome)
                ? words.getString("outcome." + outcome) : String.valueOf(outcome);
        return message(language, "case.closed", new TaskFacts(null, null, caseNumber, null, null), outcomeWords);
    }

    private Message message(String language, String kind, TaskFacts task, String extra) {
        ResourceBundle words = words(language);
        String due = task.due() == null ? words.getString("due.none")
                : DUE.format(task.due().atZone(task.zone())) + " (" + task.zone().getId() + ")";
        Object[] arguments = {task.caseNumber(), taskName(task.taskName(), language), due,
                task.taskId() == null ? "" : taskLink(task.taskId()), caseLink(task.caseNumber()), extra};
        return new Message(MessageFormat.format(words.getString(kind + ".subject"), arguments),
                MessageFormat.format(words.getString(kind + ".body"), arguments));
    }

    String taskLink(String taskId) {
        return properties.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    String caseLink(String caseNumber) {
        return properties.baseUrl() + "/cases/" + caseNumber;
    }

    /** A task's name is "Kazakh / Russian": the part of the language (the whole name if it has no such parts). */
    static String taskName(String name, String language) {
        if (name == null) {
            return "";
        }
        String[] parts = name.split(" / ", 2);
        if (parts.length < 2) {
            return name;
        }
        return "kk".equals(language) ? parts[0].trim() : parts[1].trim();
    }

    private static ResourceBundle words(String language) {
        try {
            return ResourceBundle.getBundle("i18n.notifications", Locale.forLanguageTag(language), NO_FALLBACK);
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle("i18n.notifications", Locale.forLanguageTag(
                    NotificationPreferences.DEFAULT_LANGUAGE), NO_FALLBACK);
        }
    }
}
