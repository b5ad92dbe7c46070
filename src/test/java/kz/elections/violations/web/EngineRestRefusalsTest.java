package kz.elections.violations.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the engine REST API's refusals read for a client that names no language. */
class EngineRestRefusalsTest {

    @Test
    void aRestClientNamingNoLanguageReadsTheRulesWithoutTheEnginePrefix() {
        assertThat(EngineRestRefusals.withoutEnginePrefix("Cannot instantiate process definition ViolationCase:1:f64b: "
                + "The fact was not registered: offender.iin: an IIN is 12 digits"))
                .isEqualTo("The fact was not registered: offender.iin: an IIN is 12 digits");
    }
}
