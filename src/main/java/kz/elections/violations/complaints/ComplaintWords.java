package kz.elections.violations.complaints;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.stereotype.Component;

/**
 * What the application itself says to a complainant, in Kazakh, Russian or English
 * ({@code i18n/complaints*.properties}): the receipt's notice, the answer of an accepted or merged complaint,
 * the law's reason for an anonymous one, and the e-mail about the answer. A rejection's reason is the
 * prosecutor's own words and is shown as written.
 */
@Component
public class ComplaintWords {

    /** The languages of the complaint page; Russian when a request asks for none of them. */
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    public static final String DEFAULT_LANGUAGE = "ru";
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The first of kk, ru, en that an {@code Accept-Language} header asks for; Russian otherwise. */
    public static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT_LANGUAGE;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return tag == null ? DEFAULT_LANGUAGE : tag;
        } catch (IllegalArgumentException malformed) {
            return DEFAULT_LANGUAGE;
        }
    }

    /** The text of the key in the language, with its arguments. */
    public String text(String language, String key, Object... arguments) {
        return MessageFormat.format(words(language).getString(key), arguments);
    }

    /** A moment as the complainant reads it: {@code 12.03.2026 18:00 (Asia/Almaty)}. */
    public static String moment(Instant at, ZoneId zone) {
        return MOMENT.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** The answer the status page shows: the rejection's reason, or the sentence of an accepted or merged one. */
    public String answer(Complaint complaint, String language) {
        return switch (complaint.status()) {
            case RECEIVED -> null;
            case REJECTED -> complaint.answerReason();
            case ACCEPTED, MERGED -> text(language, "answer." + complaint.status().name(), complaint.caseNumber());
        };
    }

    private static ResourceBundle words(String language) {
        String chosen = LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
        return ResourceBundle.getBundle("i18n/complaints", "en".equals(chosen) ? Locale.ROOT
                : Locale.forLanguageTag(chosen), ComplaintWords.class.getClassLoader(), NO_FALLBACK);
    }
}
