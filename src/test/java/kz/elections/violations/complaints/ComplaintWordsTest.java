package kz.elections.violations.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** What the application says to complainants: the same sentences in Kazakh, Russian and English, and the language a page asks for. */
class ComplaintWordsTest {

    @Test
    void everyLanguageSaysTheSameSentences() throws IOException {
        Properties english = words("");
        assertThat(words("_kk").keySet()).isEqualTo(english.keySet());
        assertThat(words("_ru").keySet()).isEqualTo(english.keySet());
        ComplaintWords words = new ComplaintWords();
        assertThat(words.text("kk", "answer.ACCEPTED", "2026-000123")).contains("2026-000123", "іс қозғалды");
        assertThat(words.text("en", "receipt.considered", "C-2222222222", "06.04.2026 10:00 (Asia/Almaty)"))
                .contains("region's prosecutors", "C-2222222222", "06.04.2026 10:00");
    }

    @Test
    void theLanguageIsTheFirstOfKazakhRussianEnglishThePageAsksForElseRussian() {
        assertThat(ComplaintWords.language("kk-KZ,ru;q=0.8")).isEqualTo("kk");
        assertThat(ComplaintWords.language("en-US,en;q=0.9")).isEqualTo("en");
        assertThat(ComplaintWords.language("de-DE,ru;q=0.5")).isEqualTo("ru");
        assertThat(ComplaintWords.language("de-DE")).isEqualTo("ru");
        assertThat(ComplaintWords.language(null)).isEqualTo("ru");
        assertThat(ComplaintWords.language(";;;q=x")).isEqualTo("ru");
    }

    private static Properties words(String suffix) throws IOException {
        Properties words = new Properties();
        try (InputStream in = ComplaintWordsTest.class.getResourceAsStream("/i18n/complaints" + suffix + ".properties")) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }
}
