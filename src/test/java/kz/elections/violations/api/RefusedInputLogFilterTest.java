package kz.elections.violations.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import kz.elections.violations.api.CaseRuleViolation;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A refusal becomes one WARN line; every other event is logged as it was. */
class RefusedInputLogFilterTest {

    private final ListAppender<ILoggingEvent> appended = new ListAppender<>();
    private Logger engine;

    @BeforeEach
    void aLoggerContextWithTheFilter() {
        LoggerContext context = new LoggerContext();
        context.addTurboFilter(new RefusedInputLogFilter());
        appended.setContext(context);
        appended.start();
        engine = context.getLogger("org.camunda.bpm.engine.context");
        engine.setLevel(Level.INFO);
        engine.addAppender(appended);
    }

    private static CaseRuleViolation refusal() {
        return new CaseRuleViolation("The task was not completed: ",
                List.of(new FieldProblem("fineMci", "must be a finite number of MCI, got NaN")));
    }

    @Test
    void anErrorCausedByARefusalIsOneWarnLineWithoutItsStackTrace() {
        engine.error("ENGINE-16004 Exception while closing command context: {}", "listener failed",
                new ProcessEngineException("ENGINE-03051 listener failed", refusal()));
        assertThat(appended.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .isEqualTo("Refused input: The task was not completed: fineMci: must be a finite number of MCI, got NaN");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void theRestApisStackTraceTextOfTheSameRefusalIsDropped() {
        Logger rest = (Logger) engine.getLoggerContext().getLogger(RefusedInputLogFilter.REST_EXCEPTION_LOGGER);
        rest.addAppender(appended);
        rest.warn("ENGINE-REST-HTTP500 org.camunda.bpm.engine.rest.exception.RestException: Cannot instantiate\n"
                + "\tat kz.elections.violations.engine.CaseRuleViolationUnwrapping$Unwrap.execute(X.java:35)\n"
                + "Caused by: kz.elections.violations.api.CaseRuleViolation: The fact was not registered: ...");
        assertThat(appended.list).isEmpty();
    }

    @Test
    void genuineErrorsKeepTheirLevelAndStackTrace() {
        engine.error("ENGINE-16004 Exception while closing command context: {}", "boom",
                new ProcessEngineException("boom", new IllegalStateException("database gone")));
        Logger rest = (Logger) engine.getLoggerContext().getLogger(RefusedInputLogFilter.REST_EXCEPTION_LOGGER);
        rest.addAppender(appended);
        rest.warn("ENGINE-REST-HTTP500 java.lang.IllegalStateException: database gone\n"
                + "\tat kz.elections.violations.engine.CaseRuleViolationUnwrapping$Unwrap.execute(X.java:35)");
        assertThat(appended.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.WARN);
        assertThat(appended.list.get(0).getThrowableProxy().getClassName())
                .isEqualTo(ProcessEngineException.class.getName());
    }
}
