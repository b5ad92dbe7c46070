package kz.elections.violations.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The refusal catalogue: every rule the case's rules raise is worded in Kazakh, Russian and English. */
class RefusalWordingTest {

    private static final Locale KAZAKH = Locale.forLanguageTag("kk");
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    @Test
    void everyLanguageWordsTheSameKeys() throws IOException {
        Set<Object> english = catalogue("").keySet();
        assertThat(catalogue("_kk").keySet()).isEqualTo(english);
        assertThat(catalogue("_ru").keySet()).isEqualTo(english);
    }

    @Test
    void everyRuleTheApplicationRaisesIsInTheCatalogue() throws IOException {
        Properties english = catalogue("");
        Pattern rule = Pattern.compile("(?:FieldProblem\\.of\\([^,]+, |add\\([A-Z_]+, (?:[^,]*\\? )?)\"([a-zA-Z.]+)\"");
        Pattern alternative = Pattern.compile(": \"([a-z]+\\.[a-zA-Z.]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/kz/elections/violations"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                for (Pattern pattern : List.of(rule, alternative)) {
                    Matcher found = pattern.matcher(code);
                    while (found.find()) {
                        assertThat(english).as(source + " raises " + found.group(1)).containsKey("rule." + found.group(1));
                    }
                }
            }
        }
    }

    @Test
    void aRefusalReadsAsAPersonSaysIt() {
        List<FieldProblem> problems = List.of(
                FieldProblem.of("offender.iin", "iin.checkDigit", "an IIN is 12 digits with a valid check digit"),
                FieldProblem.of("committedOn", "date.future", "must not be in the future (today is 2026-12-01)",
                        LocalDate.of(2026, 12, 1)));
        assertThat(RefusalWording.message(CaseRuleViolation.FACT_NOT_REGISTERED, problems, RUSSIAN))
                .isEqualTo("Факт не зарегистрирован. ИИН нарушителя: ИИН состоит из 12 цифр с верной контрольной "
                        + "цифрой; Дата совершения: не может быть в будущем (сегодня 01.12.2026).");
        assertThat(RefusalWording.message(CaseRuleViolation.FACT_NOT_REGISTERED, problems, KAZAKH))
                .isEqualTo("Факт тіркелмеді. Құқық бұзушының ЖСН: ЖСН бақылау цифры дұрыс 12 цифрдан тұрады; "
                        + "Жасалған күні: болашақ күн болмауы керек (бүгін 01.12.2026).");
        assertThat(RefusalWording.problems(problems, KAZAKH).get(1))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly("committedOn", "болашақ күн болмауы керек (бүгін 01.12.2026)");
    }

    @Test
    void theLanguageIsTheFirstOfKazakhRussianEnglishTheCallerAsksFor() {
        assertThat(RefusalWording.requested("kk-KZ,ru;q=0.8")).contains(KAZAKH);
        assertThat(RefusalWording.requested("de-DE,ru;q=0.5")).contains(RUSSIAN);
        assertThat(RefusalWording.requested("en-US,en;q=0.9")).contains(Locale.ENGLISH);
        assertThat(RefusalWording.requested("de-DE")).isEmpty();
        assertThat(RefusalWording.requested(null)).isEmpty();
        assertThat(RefusalWording.requested(";;;q=x")).isEmpty();
    }

    private static Properties catalogue(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RefusalWordingTest.class.getResourceAsStream("/i18n/refusals" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
