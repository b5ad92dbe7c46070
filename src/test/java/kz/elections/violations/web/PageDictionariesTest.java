package kz.elections.violations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.elections.violations.complaints.ComplaintStatus;
import kz.elections.violations.model.RegistrationReasonCode;
import kz.elections.violations.partners.Channel;
import org.junit.jupiter.api.Test;

/**
 * The dictionaries of the application's own pages ({@code static/i18n/kk.json}, {@code ru.json},
 * {@code en.json}): the same keys in each language, no empty word, the same placeholders in each
 * translation, and every key the pages and scripts ask for present.
 */
class PageDictionariesTest {

    private static final Path STATIC = Path.of("src", "main", "resources", "static");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-zA-Z]+}");
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n=\"([^\"]+)\"");
    private static final Pattern SCRIPT_KEY = Pattern.compile("I18n\\.t\\(\"([^\"]+)\"\\s*[,)]");

    private static Map<String, String> dictionary(String language) throws IOException {
        try (InputStream in = PageDictionariesTest.class.getResourceAsStream("/static/i18n/" + language + ".json")) {
            assertThat(in).as(language).isNotNull();
            return new ObjectMapper().readValue(in, new TypeReference<TreeMap<String, String>>() {
            });
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    @Test
    void kazakhRussianAndEnglishHaveTheSameKeysEachWithAWord() throws IOException {
        Map<String, String> english = dictionary("en");
        assertThat(english).hasSizeGreaterThan(200);
        for (String language : new String[] {"kk", "ru"}) {
            Map<String, String> other = dictionary(language);
            assertThat(other.keySet()).as(language).containsExactlyElementsOf(english.keySet());
            other.forEach((key, word) -> {
                assertThat(word).as(language + " " + key).isNotBlank();
                assertThat(placeholders(word)).as(language + " " + key).isEqualTo(placeholders(english.get(key)));
            });
        }
        assertThat(english.values()).allSatisfy(word -> assertThat(word).isNotBlank());
    }

    @Test
    void theKazakhAndRussianWordsAreTheirOwn() throws IOException {
        Map<String, String> english = dictionary("en");
        Map<String, String> kazakh = dictionary("kk");
        Map<String, String> russian = dictionary("ru");
        // the same words as English only where a word is the same in every language (Tasklist, a dash)
        assertThat(kazakh.keySet()).filteredOn(key -> kazakh.get(key).equals(english.get(key)))
                .containsOnly("nav.tasklist", "value.empty", "deadline.task");
        assertThat(russian.keySet()).filteredOn(key -> russian.get(key).equals(english.get(key)))
                .containsOnly("nav.tasklist", "value.empty", "deadline.task");
        assertThat(kazakh.get("step.Task_CheckFact")).isEqualTo("Фактіні тексеру");
        assertThat(russian.get("step.Task_CheckFact")).isEqualTo("Проверить факт");
    }

    @Test
    void everyKeyThePagesAskForIsInTheDictionaries() throws IOException {
        Map<String, String> english = dictionary("en");
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> files = Files.walk(STATIC)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher matcher = (file.toString().endsWith(".html") ? HTML_KEY : SCRIPT_KEY).matcher(text);
                while (matcher.find()) {
                    asked.add(matcher.group(1));
                }
            }
        }
        assertThat(asked).hasSizeGreaterThan(50);
        assertThat(english.keySet()).containsAll(asked);
    }

    @Test
    void everyReasonTheFreezeGivesIsASentenceWithTheFreezeMomentInEachLanguage() throws IOException {
        for (String language : new String[] {"kk", "ru", "en"}) {
            Map<String, String> words = dictionary(language);
            for (RegistrationReasonCode code : RegistrationReasonCode.values()) {
                assertThat(words.get("registrationReason." + code)).as(language + " " + code).contains("{at}");
                if (!language.equals("en")) {
                    assertThat(words.get("registrationReason." + code).replace("{at}", "")).as(language + " " + code)
                            .doesNotContainPattern("[A-Za-z]");
                }
            }
        }
    }

    @Test
    void theStatisticsPageNamesEveryComplaintStatusAndChannelAndTheTermsFiguresInEachLanguage() throws IOException {
        for (String language : new String[] {"kk", "ru", "en"}) {
            Map<String, String> words = dictionary(language);
            for (ComplaintStatus status : ComplaintStatus.values()) {
                assertThat(words).as(language).containsKey("complaintStats.status." + status);
            }
            for (Channel channel : Channel.values()) {
                assertThat(words).as(language).containsKey("complaintStats.channel." + channel);
            }
            // the bars of the chart against the term are named by the answer times' fields
            assertThat(words).as(language).containsKeys("complaintStats.answeredOnTime", "complaintStats.answeredLate",
                    "complaintStats.openPastTerm", "duration.hours", "duration.days");
        }
    }
}
