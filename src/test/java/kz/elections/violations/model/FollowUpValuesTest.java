package kz.elections.violations.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The follow-ups the decision table gives and the process routes on are the values of {@link FollowUp}. */
class FollowUpValuesTest {

    private static final List<String> VALUES = Arrays.stream(FollowUp.values()).map(Enum::name).toList();

    @Test
    void theDecisionTableGivesOnlyKnownFollowUps() throws IOException {
        String dmn = Files.readString(Path.of("processes/case-follow-up.dmn"));
        Matcher output = Pattern.compile("<outputEntry id=\"\\w+_FollowUp\"><text>\"([A-Z_]+)\"</text>").matcher(dmn);
        int found = 0;
        while (output.find()) {
            assertThat(VALUES).contains(output.group(1));
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(VALUES.size());
    }

    @Test
    void theProcessRoutesOnKnownFollowUps() throws IOException {
        String bpmn = Files.readString(Path.of("processes/violation-case.bpmn"));
        Matcher condition = Pattern.compile("followUp [!=]= '([A-Z_]+)'").matcher(bpmn);
        int found = 0;
        while (condition.find()) {
            assertThat(VALUES).contains(condition.group(1));
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(4);
    }
}
