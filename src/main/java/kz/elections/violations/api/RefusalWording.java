package kz.elections.violations.api;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Words a refusal (a start or task completion over the engine REST API, a request to the project API) as a
 * person says it, in Kazakh, Russian or English, from the
 * refusal catalogue {@code i18n/refusals*.properties}: what was refused, then each field by its label
 * with the rule it breaks ("Факт не зарегистрирован. ИИН нарушителя: ИИН состоит из 12 цифр ..."). No
 * variable name, engine prefix or id appears; dates read {@code dd.MM.yyyy}, times {@code HH:mm}.
 */
public final class RefusalWording {

    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    private static final Pattern ITEM = Pattern.compile("([a-zA-Z.]+)\\[(\\d{1,4})]");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final ResourceBundle.Control NO_SYSTEM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private RefusalWording() {
    }

    /** The language among kk, ru, en that an {@code Accept-Language} header asks for first; empty when none. */
    public static Optional<Locale> requested(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return Optional.ofNullable(tag).map(Locale::forLanguageTag);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The whole refusal in one sentence per field: the heading, then "label: rule" for each problem. */
    public static String message(String heading, List<FieldProblem> problems, Locale language) {
        ResourceBundle words = bundle(language);
        StringBuilder text = new StringBuilder(text(words, heading == null ? CaseRuleViolation.REFUSED : heading,
                null));
        text.append(". ");
        List<String> parts = new ArrayList<>();
        for (FieldProblem problem : problems) {
            parts.add(label(words, problem.field()) + ": " + rule(words, problem));
        }
        return text.append(String.join("; ", parts)).append('.').toString();
    }

    /** The problems with their rules in the language; the field names stay as they are. */
    public static List<FieldProblem> problems(List<FieldProblem> problems, Locale language) {
        ResourceBundle words = bundle(language);
        return problems.stream().map(problem -> new FieldProblem(problem.field(), rule(words, problem),
                problem.rule(), problem.arguments())).toList();
    }

    private static String label(ResourceBundle words, String field) {
        String key = field.startsWith("variables.") ? field.substring("variables.".length()) : field;
        Matcher item = ITEM.matcher(key);
        if (item.matches()) {
            // files[0]: the first of the files
            return text(words, "field." + item.group(1), item.group(1)) + " " + (Integer.parseInt(item.group(2)) + 1);
        }
        return text(words, "field." + key, key);
    }

    private static String rule(ResourceBundle words, FieldProblem problem) {
        if (problem.rule() == null) {
            return problem.message();
        }
        String pattern = text(words, "rule." + problem.rule(), null);
        if (pattern == null) {
            return problem.message();
        }
        Object[] arguments = problem.arguments().stream().map(RefusalWording::shown).toArray();
        return new MessageFormat(pattern, words.getLocale()).format(arguments);
    }

    private static Object shown(Object argument) {
        if (argument instanceof LocalDate day) {
            return DAY.format(day);
        }
        if (argument instanceof LocalDateTime moment) {
            return MOMENT.format(moment);
        }
        return argument == null ? "" : String.valueOf(argument);
    }

    private static String text(ResourceBundle words, String key, String otherwise) {
        try {
            return words.getString(key);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }

    private static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle("i18n/refusals", language, RefusalWording.class.getClassLoader(),
                NO_SYSTEM_LOCALE);
    }
}
