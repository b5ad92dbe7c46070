package kz.elections.violations.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A BPMN, DMN or form file that ships with the application, under a name that is the same however
 * the application runs ({@code processes/violation-case.bpmn}, {@code forms/check-fact.form}), with
 * the definition keys it holds and its version tag. The keys are read by a plain scan of the XML (the
 * engine parses and validates the file when it is deployed): every start reads every bundled file.
 */
public record BundledResource(String name, byte[] content, Kind kind, List<String> keys, String versionTag) {

    public enum Kind { PROCESS, DECISION, FORM }

    public static BundledResource of(String name, byte[] content) {
        if (name.endsWith(".bpmn")) {
            return definitions(name, content, Kind.PROCESS, BPMN, "process", CAMUNDA_BPMN);
        }
        if (name.endsWith(".dmn")) {
            return definitions(name, content, Kind.DECISION, null, "decision", CAMUNDA_DMN);
        }
        if (name.endsWith(".form")) {
            return new BundledResource(name, content, Kind.FORM, List.of(formId(content)), null);
        }
        throw new IllegalArgumentException("not a BPMN, DMN or form file: " + name);
    }

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

    /**
     * The ids of the file's definition elements ({@code process} in BPMN's namespace; {@code decision} in
     * any of DMN's) and the version tag of the first.
     */
    private static BundledResource definitions(String name, byte[] content, Kind kind, String namespace,
                                               String element, String camunda) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<String> keys = new ArrayList<>();
        String versionTag = null;
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && element.equals(xml.getLocalName())
                        && (namespace == null ? String.valueOf(xml.getNamespaceURI()).contains("/spec/DMN/")
                        : namespace.equals(xml.getNamespaceURI()))) {
                    if (keys.isEmpty()) {
                        versionTag = xml.getAttributeValue(camunda, "versionTag");
                    }
                    keys.add(xml.getAttributeValue(null, "id"));
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(name + " is not well-formed XML", e);
        }
        return new BundledResource(name, content, kind, Collections.unmodifiableList(keys), versionTag);
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
