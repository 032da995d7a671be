package io.omnidecide.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A DMN model is code too: before the KIE DMN engine sees the file, it is parsed here with a
 * hardened XML parser (no DOCTYPE, so no external entities or entity expansion; bounded nesting)
 * and checked: no imports of other models, functions of no kind but FEEL, inputs that are Customer
 * fields, and every expression on the FEEL allow-list ({@link DmnModelCheck}).
 */
final class DmnSafety {

    /** The elements a problem is located to: those an analyst opens in the editor. */
    private static final Set<String> NAMED_ELEMENTS = Set.of("decision", "inputData", "businessKnowledgeModel", "decisionService",
            "knowledgeSource", "itemDefinition");
    /** The XML line an element starts on, kept by the parser for problems. */
    private static final String LINE = "line";

    private DmnSafety() {
    }

    /** The parsed document, or null with the problem added when the file is not well-formed XML or declares a DOCTYPE. */
    static Document parse(RulesetFile file, List<RulesetProblem> problems) {
        try {
            // The JDK's own parser, whatever else the classpath offers: it is known to honour these features.
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Document document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            parser.parse(new ByteArrayInputStream(file.content()), new DomWithLines(document));
            Element root = document.getDocumentElement();
            if (!"definitions".equals(root.getLocalName()) || root.getNamespaceURI() == null
                    || !root.getNamespaceURI().contains("omg.org/spec/DMN/")) {
                problems.add(RulesetProblem.inFile(file.path(), "not a DMN model: the root element must be <definitions> in the DMN namespace "
                        + "(DMN 1.5: https://www.omg.org/spec/DMN/20230324/MODEL/)"));
                return null;
            }
            return document;
        } catch (NestedTooDeep e) {
            problems.add(new RulesetProblem(file.path(), null, null, null, e.getLineNumber(), "the model's XML elements nest more than "
                    + DmnBounds.MAX_XML_DEPTH + " deep"));
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
        for (Element input : elements(document, "inputData")) {
            if (input.getParentNode() != document.getDocumentElement()) {
                continue; // a decision service's input, by reference
            }
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
        problems.addAll(DmnModelCheck.check(file, document));
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

    /** Located to the enclosing decision (or other DRG element, or item definition), decision table rule and XML line. */
    static RulesetProblem at(RulesetFile file, Element node, String message) {
        return at(file, node, 0, message);
    }

    /** @param linesIn how many lines into the element's text the offence is (FEEL texts may span lines) */
    static RulesetProblem at(RulesetFile file, Element node, int linesIn, String message) {
        String element = null;
        Integer rule = null;
        for (Node n = node; n instanceof Element e; n = n.getParentNode()) {
            if (rule == null && "rule".equals(e.getLocalName())) {
                rule = children(e.getParentNode(), "rule").indexOf(e) + 1;
            }
            if (NAMED_ELEMENTS.contains(e.getLocalName()) && e.getParentNode() == e.getOwnerDocument().getDocumentElement()) {
                element = e.getLocalName() + " '" + e.getAttribute("name") + "'";
                break;
            }
        }
        Integer line = node.getUserData(LINE) instanceof Integer start ? start + linesIn : null;
        return RulesetProblem.inDmn(file.path(), element, rule, line, message);
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

    /** Deep enough to exhaust a recursive reader's stack (this check's or the engine's). */
    private static final class NestedTooDeep extends SAXParseException {

        NestedTooDeep(Locator locator) {
            super("elements nest more than " + DmnBounds.MAX_XML_DEPTH + " deep", locator);
        }
    }

    /**
     * Builds the DOM from SAX events, keeping each element's line, and refuses nesting deeper than
     * {@link DmnBounds#MAX_XML_DEPTH}. Text and CDATA become text; comments and processing
     * instructions are dropped, as the engine's reader drops them from an element's text.
     */
    private static final class DomWithLines extends DefaultHandler {

        private final Document document;
        private final Deque<Node> open = new ArrayDeque<>();
        private Locator locator;

        DomWithLines(Document document) {
            this.document = document;
            open.push(document);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (open.size() > DmnBounds.MAX_XML_DEPTH) {
                throw new NestedTooDeep(locator);
            }
            Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                element.setAttributeNS(attributes.getURI(i).isEmpty() ? null : attributes.getURI(i), attributes.getQName(i), attributes.getValue(i));
            }
            element.setUserData(LINE, locator.getLineNumber(), null);
            open.peek().appendChild(element);
            open.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (open.peek() instanceof Element element) {
                element.appendChild(document.createTextNode(new String(ch, start, length)));
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) {
            characters(ch, start, length);
        }
    }
}
