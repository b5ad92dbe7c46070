package kz.elections.violations.deployment;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * A BPMN, DMN or form file that ships with the application, under a name that is the same however
 * the application runs ({@code processes/violation-case.bpmn}, {@code forms/check-fact.form}), with
 * the definition keys it holds and its version tag.
 */
public record BundledResource(String name, byte[] content, Kind kind, List<String> keys, String versionTag) {

    public enum Kind { PROCESS, DECISION, FORM }

    public static BundledResource of(String name, byte[] content) {
        if (name.endsWith(".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
            return new BundledResource(name, content, Kind.PROCESS,
                    processes.stream().map(Process::getId).toList(),
                    processes.isEmpty() ? null : processes.get(0).getCamundaVersionTag());
        }
        if (name.endsWith(".dmn")) {
            DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
            List<Decision> decisions = List.copyOf(model.getModelElementsByType(Decision.class));
            return new BundledResource(name, content, Kind.DECISION,
                    decisions.stream().map(Decision::getId).toList(),
                    decisions.isEmpty() ? null : decisions.get(0).getVersionTag());
        }
        if (name.endsWith(".form")) {
            return new BundledResource(name, content, Kind.FORM, List.of(formId(content)), null);
        }
        throw new IllegalArgumentException("not a BPMN, DMN or form file: " + name);
    }

    static String formId(byte[] content) {
        try {
            JsonNode id = new ObjectMapper().readTree(content).get("id");
            if (id == null || id.asText().isBlank()) {
                throw new IllegalArgumentException("a form without an id");
            }
            return id.asText();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("a form that is not JSON", e);
        }
    }
}
