package kz.elections.violations.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Group;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BPMN and DMN files under processes/ as an administrator opens them in Camunda Modeler: they
 * parse with Camunda's model API, name Camunda 7.24 as their execution platform (as the forms do), and
 * their diagrams read at 100 %: every flow node, sequence flow and decision is drawn, in Modeler's
 * standard sizes, no shape lies over another, no label over a label or a shape not its own, every edge
 * starts and ends at its elements, and every task's name fits its box and leaves its multi-instance or
 * loop marker free.
 *
 * <p>Plain JUnit, no application: the files are read from the working tree.
 */
class ModelerCompatibilityTest {

    static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
    static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    static final String DMN_DC_NS = "http://www.omg.org/spec/DMN/20180521/DC/";
    static final String PLATFORM = "Camunda Platform";
    static final Pattern PLATFORM_VERSION = Pattern.compile("7\\.24\\.\\d+");

    static Stream<Path> bpmnFiles() throws IOException {
        return files("processes", ".bpmn");
    }

    static Stream<Path> dmnFiles() throws IOException {
        return files("processes", ".dmn");
    }

    static Stream<Path> formFiles() throws IOException {
        return files("forms", ".form");
    }

    private static Stream<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(Path.of(folder))) {
            List<Path> found = all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
            assertThat(found).as("files %s*%s", folder, suffix).isNotEmpty();
            return found.stream();
        }
    }

    // ---------------------------------------------------------------- execution platform

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void aBpmnFileNamesCamunda724AsItsExecutionPlatform(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        assertThat(platformProblems(model.getDefinitions())).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dmnFiles")
    void aDmnFileNamesCamunda724AsItsExecutionPlatform(Path file) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        assertThat(platformProblems(model.getDefinitions())).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("formFiles")
    void aFormNamesCamunda724AsItsExecutionPlatform(Path file) throws IOException {
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        assertThat(form.path("executionPlatform").asText()).as(file.toString()).isEqualTo(PLATFORM);
        assertThat(form.path("executionPlatformVersion").asText()).as(file.toString()).matches(PLATFORM_VERSION);
    }

    private static List<String> platformProblems(ModelElementInstance definitions) {
        List<String> problems = new ArrayList<>();
        String platform = definitions.getAttributeValueNs(MODELER_NS, "executionPlatform");
        String version = definitions.getAttributeValueNs(MODELER_NS, "executionPlatformVersion");
        if (!PLATFORM.equals(platform)) {
            problems.add("modeler:executionPlatform is " + platform + ", not " + PLATFORM);
        }
        if (version == null || !PLATFORM_VERSION.matcher(version).matches()) {
            problems.add("modeler:executionPlatformVersion is " + version + ", not 7.24.x");
        }
        return problems;
    }

    // ---------------------------------------------------------------- BPMN diagrams

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyFlowNodeAndSequenceFlowIsDrawn(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> planes = model.getModelElementsByType(BpmnPlane.class).stream()
                .map(p -> p.getBpmnElement().getId()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!planes.contains(process.getId())) {
                problems.add("process " + process.getId() + " has no diagram");
            }
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.contains(node.getId())) {
                problems.add(node.getElementType().getTypeName() + " " + node.getId() + " has no shape");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.contains(flow.getId())) {
                problems.add("sequence flow " + flow.getId() + " has no edge");
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyNamedEventGatewayAndFlowHasItsLabelPlaced(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            boolean named = (element instanceof Event || element instanceof Gateway)
                    && ((FlowNode) element).getName() != null && !((FlowNode) element).getName().isBlank();
            if (named && label(shape.getBpmnLabel()).isEmpty()) {
                problems.add(element.getId() + " is named but its label has no bounds");
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() instanceof SequenceFlow flow && flow.getName() != null
                    && !flow.getName().isBlank() && label(edge.getBpmnLabel()).isEmpty()) {
                problems.add(flow.getId() + " is named but its label has no bounds");
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void shapesHaveModelersStandardSizes(Path file) {
        List<String> problems = new ArrayList<>();
        for (BpmnShape shape : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            Box box = Box.of(shape.getBounds());
            String standard = element instanceof Task || element instanceof CallActivity ? "100x80"
                    : element instanceof Event ? "36x36" : element instanceof Gateway ? "50x50" : null;
            if (standard != null && !standard.equals(box.size())) {
                problems.add(element.getId() + " is " + box.size() + ", not " + standard);
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void noShapeLiesOverAnother(Path file) {
        List<String> problems = new ArrayList<>();
        for (List<BpmnShape> plane : shapesByPlane(Bpmn.readModelFromFile(file.toFile())).values()) {
            for (int i = 0; i < plane.size(); i++) {
                for (int j = i + 1; j < plane.size(); j++) {
                    BpmnShape a = plane.get(i);
                    BpmnShape b = plane.get(j);
                    Box boxA = Box.of(a.getBounds());
                    Box boxB = Box.of(b.getBounds());
                    if (!boxA.overlaps(boxB) || onItsHost(a, b) || onItsHost(b, a)) {
                        continue;
                    }
                    if ((isContainer(a) && boxB.inside(boxA)) || (isContainer(b) && boxA.inside(boxB))) {
                        continue;
                    }
                    problems.add(id(a) + " and " + id(b) + " overlap");
                }
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void noLabelLiesOverAnotherLabelOrAShapeNotItsOwn(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        for (List<BpmnShape> plane : shapesByPlane(model).values()) {
            BpmnPlane parent = (BpmnPlane) plane.get(0).getParentElement();
            Map<String, Box> labels = new HashMap<>();
            for (BpmnShape shape : plane) {
                label(shape.getBpmnLabel()).ifPresent(box -> labels.put(id(shape), box));
            }
            for (BpmnEdge edge : parent.getChildElementsByType(BpmnEdge.class)) {
                label(edge.getBpmnLabel()).ifPresent(box -> labels.put(edge.getBpmnElement().getId(), box));
            }
            List<String> owners = labels.keySet().stream().sorted().toList();
            for (int i = 0; i < owners.size(); i++) {
                Box label = labels.get(owners.get(i));
                for (int j = i + 1; j < owners.size(); j++) {
                    if (label.overlaps(labels.get(owners.get(j)))) {
                        problems.add("the labels of " + owners.get(i) + " and " + owners.get(j) + " overlap");
                    }
                }
                for (BpmnShape shape : plane) {
                    Box box = Box.of(shape.getBounds());
                    if (id(shape).equals(owners.get(i)) || !label.overlaps(box)) {
                        continue;
                    }
                    if (isContainer(shape) && label.inside(box)) {
                        continue;
                    }
                    problems.add("the label of " + owners.get(i) + " lies over " + id(shape));
                }
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyEdgeStartsAtItsSourceAndEndsAtItsTarget(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<String, BpmnShape> shapes = new HashMap<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.put(id(s), s));
        List<String> problems = new ArrayList<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
                continue;
            }
            List<Waypoint> points = List.copyOf(edge.getWaypoints());
            if (points.size() < 2) {
                problems.add(flow.getId() + " has fewer than two waypoints");
                continue;
            }
            Waypoint first = points.get(0);
            Waypoint last = points.get(points.size() - 1);
            BpmnShape source = shapes.get(flow.getSource().getId());
            BpmnShape target = shapes.get(flow.getTarget().getId());
            if (source != null && !onOutline(source, first.getX(), first.getY())) {
                problems.add(flow.getId() + " starts at " + first.getX() + "," + first.getY() + ", off "
                        + flow.getSource().getId());
            }
            if (target != null && !onOutline(target, last.getX(), last.getY())) {
                problems.add(flow.getId() + " ends at " + last.getX() + "," + last.getY() + ", off "
                        + flow.getTarget().getId());
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyTaskNameFitsItsBoxAndLeavesItsMarkerFree(Path file) {
        List<String> problems = new ArrayList<>();
        for (BpmnShape shape : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(BpmnShape.class)) {
            if (!(shape.getBpmnElement() instanceof Activity activity) || activity instanceof SubProcess
                    || activity.getName() == null) {
                continue;
            }
            Box box = Box.of(shape.getBounds());
            List<String> lines = TaskText.lines(activity.getName(), box.width - 2 * TaskText.PADDING);
            double bottom = box.height / 2 + lines.size() * TaskText.LINE_HEIGHT / 2;
            boolean marker = activity.getLoopCharacteristics() != null;
            // bpmn-js centres the name; a multi-instance or loop marker begins 20 px above the box's bottom
            double limit = marker ? box.height - TaskText.MARKER_TOP + TaskText.DESCENT_ALLOWANCE : box.height;
            if (bottom > limit) {
                problems.add(activity.getId() + ": its name takes " + lines.size() + " lines " + lines
                        + (marker ? " and covers its marker" : " and runs out of the box"));
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    // ---------------------------------------------------------------- DMN diagrams

    @ParameterizedTest
    @MethodSource("dmnFiles")
    void everyDecisionIsDrawnAndNoShapeLiesOverAnother(Path file) throws Exception {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Map<String, Box> shapes = new HashMap<>();
        NodeList found = document.getElementsByTagNameNS(DMNDI_NS, "DMNShape");
        for (int i = 0; i < found.getLength(); i++) {
            Element shape = (Element) found.item(i);
            Element bounds = (Element) shape.getElementsByTagNameNS(DMN_DC_NS, "Bounds").item(0);
            shapes.put(shape.getAttribute("dmnElementRef"), new Box(Double.parseDouble(bounds.getAttribute("x")),
                    Double.parseDouble(bounds.getAttribute("y")), Double.parseDouble(bounds.getAttribute("width")),
                    Double.parseDouble(bounds.getAttribute("height"))));
        }
        List<String> problems = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            Box box = shapes.get(decision.getId());
            if (box == null) {
                problems.add("decision " + decision.getId() + " has no shape");
            } else if (!"180x80".equals(box.size())) {
                problems.add("decision " + decision.getId() + " is " + box.size() + ", not 180x80");
            }
        }
        List<String> ids = shapes.keySet().stream().sorted().toList();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                if (shapes.get(ids.get(i)).overlaps(shapes.get(ids.get(j)))) {
                    problems.add(ids.get(i) + " and " + ids.get(j) + " overlap");
                }
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static Map<BpmnPlane, List<BpmnShape>> shapesByPlane(BpmnModelInstance model) {
        Map<BpmnPlane, List<BpmnShape>> planes = new HashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            planes.computeIfAbsent((BpmnPlane) shape.getParentElement(), p -> new ArrayList<>()).add(shape);
        }
        return planes;
    }

    private static String id(BpmnShape shape) {
        return shape.getBpmnElement().getId();
    }

    private static Optional<Box> label(BpmnLabel label) {
        return label == null || label.getBounds() == null ? Optional.empty()
                : Optional.of(Box.of(label.getBounds()));
    }

    /** A group, or an expanded sub-process, holds the shapes drawn inside it. */
    private static boolean isContainer(BpmnShape shape) {
        return shape.getBpmnElement() instanceof Group
                || (shape.getBpmnElement() instanceof SubProcess && !Boolean.FALSE.equals(shape.isExpanded()));
    }

    private static boolean onItsHost(BpmnShape event, BpmnShape host) {
        return event.getBpmnElement() instanceof BoundaryEvent boundary
                && boundary.getAttachedTo() != null && boundary.getAttachedTo().getId().equals(id(host));
    }

    /** Whether the point lies on the outline of the shape: a circle, a diamond or a rectangle. */
    static boolean onOutline(BpmnShape shape, double x, double y) {
        Box box = Box.of(shape.getBounds());
        double tolerance = 2;
        double dx = Math.abs(x - box.centreX());
        double dy = Math.abs(y - box.centreY());
        BaseElement element = shape.getBpmnElement();
        if (element instanceof Event) {
            return Math.abs(Math.hypot(dx, dy) - box.width / 2) <= tolerance;
        }
        if (element instanceof Gateway) {
            double distance = (dx / (box.width / 2) + dy / (box.height / 2) - 1) * box.width / 2;
            return Math.abs(distance) <= tolerance;
        }
        boolean withinGrown = dx <= box.width / 2 + tolerance && dy <= box.height / 2 + tolerance;
        boolean withinShrunk = dx < box.width / 2 - tolerance && dy < box.height / 2 - tolerance;
        return withinGrown && !withinShrunk;
    }

    record Box(double x, double y, double width, double height) {

        static Box of(Bounds bounds) {
            return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
        }

        boolean overlaps(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height
                    && other.y < y + height;
        }

        boolean inside(Box other) {
            return x >= other.x && y >= other.y && x + width <= other.x + other.width
                    && y + height <= other.y + other.height;
        }

        double centreX() {
            return x + width / 2;
        }

        double centreY() {
            return y + height / 2;
        }

        String size() {
            return Math.round(width) + "x" + Math.round(height);
        }
    }

    /**
     * A task's name as bpmn-js (Camunda Modeler's renderer) breaks it into lines: Arial 12 px, a line
     * height of 1.2, 7 px padding, each line cut where its characters would fit and then back to the
     * last space or hyphen. Arial's advance widths are Helvetica's (in thousandths of an em).
     */
    static final class TaskText {

        static final double FONT_SIZE = 12;
        static final double LINE_HEIGHT = FONT_SIZE * 1.2;
        static final double PADDING = 7;
        static final double MARKER_TOP = 20;
        static final double DESCENT_ALLOWANCE = 2;
        private static final Map<Character, Integer> WIDTHS = new HashMap<>();

        static {
            WIDTHS.put(' ', 278);
            String[] table = {
                "! 278", "\" 355", "# 556", "$ 556", "% 889", "& 667", "' 191", "( 333", ") 333",
                "* 389", "+ 584", ", 278", "- 333", ". 278", "/ 278", ": 278", "; 278", "< 584", "= 584",
                "> 584", "? 556", "@ 1015", "[ 278", "\\ 278", "] 278", "_ 556", "A 667", "B 667", "C 722",
                "D 722", "E 667", "F 611", "G 778", "H 722", "I 278", "J 500", "K 667", "L 556", "M 833",
                "N 722", "O 778", "P 667", "Q 778", "R 722", "S 667", "T 611", "U 722", "V 667", "W 944",
                "X 667", "Y 667", "Z 611", "a 556", "b 556", "c 500", "d 556", "e 556", "f 278", "g 556",
                "h 556", "i 222", "j 222", "k 500", "l 222", "m 833", "n 556", "o 556", "p 556", "q 556",
                "r 333", "s 500", "t 278", "u 556", "v 500", "w 722", "x 500", "y 500", "z 500"};
            for (String entry : table) {
                WIDTHS.put(entry.charAt(0), Integer.parseInt(entry.substring(2)));
            }
            for (char digit = '0'; digit <= '9'; digit++) {
                WIDTHS.put(digit, 556);
            }
        }

        static double width(String text) {
            double units = 0;
            for (char c : text.toCharArray()) {
                units += WIDTHS.getOrDefault(c, 556);
            }
            return units * FONT_SIZE / 1000;
        }

        static List<String> lines(String text, double maxWidth) {
            List<String> pending = new ArrayList<>(List.of(text.split("\r?\n")));
            List<String> lines = new ArrayList<>();
            while (!pending.isEmpty()) {
                String original = pending.remove(0);
                String fit = original;
                while (!fit.isBlank() && fit.length() >= 2 && width(fit) > maxWidth) {
                    double length = Math.max(fit.length() * (maxWidth / width(fit)), 1);
                    String shortened = shortenAtBreaks(fit, length);
                    fit = shortened.isEmpty() ? fit.substring(0, (int) Math.max(Math.round(length - 1), 1)) : shortened;
                }
                if (fit.length() < original.length()) {
                    pending.add(0, original.substring(fit.length()).trim());
                }
                lines.add(fit);
            }
            return lines;
        }

        private static String shortenAtBreaks(String line, double maxLength) {
            List<String> parts = new ArrayList<>();
            Matcher breaks = Pattern.compile("\\s|-").matcher(line);
            int at = 0;
            while (breaks.find()) {
                parts.add(line.substring(at, breaks.start()));
                parts.add(breaks.group());
                at = breaks.end();
            }
            parts.add(line.substring(at));
            if (parts.size() == 1) {
                return "";
            }
            List<String> kept = new ArrayList<>();
            int length = 0;
            for (String part : parts) {
                if (part.isEmpty()) {
                    break;
                }
                if (part.length() + length < maxLength) {
                    kept.add(part);
                    length += part.length();
                } else {
                    if (part.equals("-") && !kept.isEmpty()) {
                        kept.remove(kept.size() - 1);
                    }
                    break;
                }
            }
            return String.join("", kept);
        }
    }
}
