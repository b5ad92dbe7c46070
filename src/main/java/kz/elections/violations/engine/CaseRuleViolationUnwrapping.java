package kz.elections.violations.engine;

import kz.elections.violations.api.CaseRuleViolation;
import java.util.ArrayList;
import java.util.List;

import kz.elections.violations.api.RefusalsInRequest;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a listener throws into a generic exception, which its REST API answers with
 * 500. This plugin hands a {@link CaseRuleViolation} from our listeners to the caller as it was thrown,
 * after the transaction rolled back, so that the engine's REST API and Tasklist answer it with 400 and
 * the rule's own message. The refusal's fields are recorded for the request (see
 * {@link RefusalsInRequest}), so that the answer can list them.
 */
@Component
public class CaseRuleViolationUnwrapping extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new Unwrap());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class Unwrap extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof CaseRuleViolation violation) {
                        RefusalsInRequest.record(violation);
                        throw violation;
                    }
                }
                throw e;
            }
        }
    }
}
