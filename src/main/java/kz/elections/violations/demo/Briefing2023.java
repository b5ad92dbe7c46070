package kz.elections.violations.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The 34 facts of the 2023 elections from the prosecutor's briefing ({@code demo/facts-2023.json}),
 * as the demo profile and the briefing test play them through the real process.
 */
public record Briefing2023(String source, List<ElectionSpec> elections, List<Fact> facts) {

    public static final String RESOURCE = "/demo/facts-2023.json";

    public record ElectionSpec(String key, String id, String name, String level, String votingDay, String timeZone) {
    }

    /** One fact and the way its case went: confirmed, consent granted where asked, a fine. */
    public record Fact(String election, String kind, String article, String part, String region, String district,
                       String source, String committedOn, String rulingDate, BigDecimal fineMci, boolean abbreviated,
                       String description) {
    }

    public static Briefing2023 load() {
        try (InputStream in = Briefing2023.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, Briefing2023.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
