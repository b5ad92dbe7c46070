package kz.elections.violations.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * A refused user input is logged as one WARN line, not as an error with a stack trace. The engine logs
 * every exception that ends a command at ERROR with its stack trace ({@code ENGINE-16004}, logger
 * {@code org.camunda.bpm.engine.context}), and its REST API logs a 500 at WARN with the stack trace in
 * the message ({@code ENGINE-REST-HTTP500}, logger {@code org.camunda.bpm.engine.rest.exception}); a
 * completion or start refused by the case's rules is neither an error nor the server's fault.
 * <p>
 * An event whose exception is, or is caused by, a {@link #REFUSALS refusal} is replaced by a WARN line
 * of the same logger naming the broken rules; the REST API's event about the same refusal (the cause's
 * class in its stack trace text) is dropped, so that one refusal gives one line. Every other event,
 * genuine errors included, is left as it is. Installed by {@link Installer} into Spring Boot's own
 * logging configuration.
 */
public class RefusedInputLogFilter extends TurboFilter {

    /** Exceptions that mean the server refused what a user sent. */
    static final String[] REFUSALS = {"kz.elections.violations.api.CaseRuleViolation",
            InvalidRequestException.class.getName(),
            // a case message sent to a case that does not wait for it (answered 400 by the integrity gate)
            "org.camunda.bpm.engine.MismatchingMessageCorrelationException"};
    static final String REST_EXCEPTION_LOGGER = "org.camunda.bpm.engine.rest.exception";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        Throwable refusal = refusalIn(t != null ? t : lastThrowable(params));
        if (refusal != null) {
            logger.warn("Refused input: {}", TextLimits.quote(String.valueOf(refusal.getMessage()), 2_000));
            return FilterReply.DENY;
        }
        if (format != null && logger.getName().equals(REST_EXCEPTION_LOGGER) && namesRefusalAsCause(format)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable thrown
                ? thrown : null;
    }

    private static Throwable refusalIn(Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            for (String refusal : REFUSALS) {
                if (cause.getClass().getName().equals(refusal)) {
                    return cause;
                }
            }
        }
        return null;
    }

    /** A stack trace as text names an exception of the chain as "Class: message" at a line's start. */
    private static boolean namesRefusalAsCause(String stackTrace) {
        for (String refusal : REFUSALS) {
            if (stackTrace.contains("Caused by: " + refusal + ":") || stackTrace.contains("HTTP500 " + refusal + ":")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the filter to Logback once Spring Boot has configured logging (its default configuration:
     * console, and a file when {@code logging.file.name} or {@code logging.file.path} is set), before
     * the application's first line. Registered in {@code META-INF/spring.factories}; no logback XML is
     * read at start-up.
     */
    public static class Installer implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                    && context.getTurboFilterList().stream().noneMatch(RefusedInputLogFilter.class::isInstance)) {
                RefusedInputLogFilter filter = new RefusedInputLogFilter();
                filter.setContext(context);
                filter.start();
                context.addTurboFilter(filter);
            }
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER + 1;
        }
    }
}
