package io.omnidecide.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A DMN model is code too: before the KIE DMN engine sees the file, it is parsed here with a
 * hardened XML parser (no DOCTYPE, so no external entities or entity expansion) and checked for
 * what may not run inside a decision: external (Java) functions in FEEL, {@code .class} paths, FEEL {@code for} loops
 * (no time limit can stop one), function definitions of any kind but FEEL, imports of other models,
 * and inputs that are not Customer fields.
 */
final class DmnSafety {

    /** FEEL's external function: {@code function(x) external {java: {class: ..., method signature: ...}}}. */
    private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");
    /** FEEL's iteration, {@code for i in 1..1000000000 return i}: a decision must finish in bounded time. */
    private static final Pattern FOR_LOOP = Pattern.compile("\\bfor\\s+[^\\s].*?\\bin\\b", Pattern.DOTALL);
    /** The KIE engine's FEEL reads any getter of a value, so {@code x.class} reaches its java.lang.Class. */
    private static final Pattern CLASS_ACCESS = Pattern.compile("\\.\\s*class\\b");
    private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Set<String> DRG_ELEMENTS = Set.of("decision", "inputData", "businessKnowledgeModel", "decisionService",
            "knowledgeSource");

    private DmnSafety() {
    }

    /** The parsed document, or null with the problem added when the file is not well-formed XML or declares a DOCTYPE. */
    static Document parse(RulesetFile file, List<RulesetProblem> problems) {
        try {
            // The JDK's own parser, whatever else the classpath offers: it is known to honour these features.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors are thrown, not printed
            Document document = builder.parse(new ByteArrayInputStream(file.content()));
            Element root = document.getDocumentElement();
            if (!"definitions".equals(root.getLocalName()) || root.getNamespaceURI() == null
                    || !root.getNamespaceURI().contains("omg.org/spec/DMN/")) {
                problems.add(RulesetProblem.inFile(file.path(), "not a DMN model: the root element must be <definitions> in the DMN namespace "
                        + "(DMN 1.5: https://www.omg.org/spec/DMN/20230324/MODEL/)"));
                return null;
            }
            return document;
        } catch (SAXParseException e) {
            String message = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "a DMN model may not declare a DOCTYPE: DTDs and XML entities (which can read files or call out) are refused"
                    : "not well-formed XML: " + e.getMessage();
            problems.add(new RulesetProblem(file.path(), null, null, null, e.getLineNumber() > 0 ? e.getLineNumber() : null, message));
        } catch (SAXException | IOException e) {
            problems.add(RulesetProblem.inFile(file.path(), "cannot read the DMN model: " + e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser supports the hardening features", e);
        }
        return null;
    }

    /** One problem per offence, each naming its DMN element and decision table rule. */
    static List<RulesetProblem> check(RulesetFile file, Document document) {
        List<RulesetProblem> problems = new ArrayList<>();
        for (Element imported : elements(document, "import")) {
            problems.add(at(file, imported, "import of '" + imported.getAttribute("locationURI") + imported.getAttribute("namespace")
                    + "' is not allowed: a DMN model stands alone and reads only Customer fields"));
        }
        // A business knowledge model's function is its encapsulatedLogic; inside expressions, a functionDefinition.
        List<Element> functions = new ArrayList<>(elements(document, "functionDefinition"));
        functions.addAll(elements(document, "encapsulatedLogic"));
        for (Element function : functions) {
            String kind = function.getAttribute("kind");
            if (!kind.isEmpty() && !"FEEL".equals(kind)) {
                problems.add(at(file, function, "a function of kind '" + kind
                        + "' is not allowed: functions in a DMN model are written in FEEL (no Java or PMML)"));
            }
        }
        for (Element text : elements(document, "text")) {
            if ("annotationEntry".equals(text.getParentNode().getLocalName())) {
                continue; // a rule's annotation is prose, not FEEL
            }
            String feel = FEEL_STRING.matcher(text.getTextContent()).replaceAll("\"\"");
            if (EXTERNAL.matcher(feel).find()) {
                problems.add(at(file, text, "an external function ('external {java: ...}') is not allowed: "
                        + "FEEL in a DMN model may not call Java"));
            }
            if (CLASS_ACCESS.matcher(feel).find()) {
                problems.add(at(file, text, "'.class' is not allowed: FEEL in a DMN model reads values, not the Java objects behind them"));
            }
            if (FOR_LOOP.matcher(feel).find()) {
                problems.add(at(file, text, "a FEEL 'for' loop is not allowed: a decision must finish in bounded time "
                        + "(test lists with 'some', 'every', 'list contains' or 'count' instead)"));
            }
        }
        for (Element input : elements(document, "inputData")) {
            String name = input.getAttribute("name");
            String element = "inputData '" + name + "'";
            if (!DmnInputs.isInput(name)) {
                problems.add(RulesetProblem.inDmn(file.path(), element, null, null, UnknownFieldHint.suggest(
                        "'" + name + "' is not a Customer field a DMN model can read", name, DmnInputs.names())));
                continue;
            }
            String declared = declaredType(input);
            String actual = DmnInputs.feelType(name);
            if (declared != null && actual != null && Set.of("string", "number", "boolean").contains(declared) && !declared.equals(actual)) {
                problems.add(RulesetProblem.inDmn(file.path(), element, null, null,
                        "'" + name + "' is a " + actual + " on Customer, but the inputData declares type '" + declared + "'"));
            }
        }
        return problems;
    }

    private static String declaredType(Element input) {
        NodeList variables = input.getElementsByTagNameNS("*", "variable");
        String typeRef = variables.getLength() == 0 ? "" : ((Element) variables.item(0)).getAttribute("typeRef");
        return typeRef.isEmpty() ? null : typeRef.substring(typeRef.indexOf(':') + 1);
    }

    private static List<Element> elements(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Located to the enclosing decision (or other DRG element) and decision table rule. */
    private static RulesetProblem at(RulesetFile file, Element node, String message) {
        String element = null;
        Integer rule = null;
        for (Node n = node; n instanceof Element e; n = n.getParentNode()) {
            if (rule == null && "rule".equals(e.getLocalName())) {
                rule = children(e.getParentNode(), "rule").indexOf(e) + 1;
            }
            if (DRG_ELEMENTS.contains(e.getLocalName())) {
                element = e.getLocalName() + " '" + e.getAttribute("name") + "'";
                break;
            }
        }
        return RulesetProblem.inDmn(file.path(), element, rule, null, message);
    }

    private static List<Element> children(Node parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && localName.equals(e.getLocalName())) {
                children.add(e);
            }
        }
        return children;
    }
}
