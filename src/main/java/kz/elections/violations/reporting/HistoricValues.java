package kz.elections.violations.reporting;

import java.util.Date;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;

/** The value a variable history event carries, for the simple types the case uses. */
final class HistoricValues {

    private HistoricValues() {
    }

    static Object valueOf(HistoricVariableUpdateEventEntity event) {
        String serializer = event.getSerializerName();
        if (serializer == null) {
            return null;
        }
        return switch (serializer) {
            case "null" -> null;
            case "string" -> event.getTextValue();
            case "boolean" -> event.getLongValue() == null ? null : event.getLongValue() != 0;
            case "integer" -> event.getLongValue() == null ? null : event.getLongValue().intValue();
            case "short", "long" -> event.getLongValue();
            case "double" -> event.getDoubleValue();
            case "date" -> event.getLongValue() == null ? null : new Date(event.getLongValue());
            default -> event.getTextValue();
        };
    }
}
