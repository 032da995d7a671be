package io.omnidecide.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * DMN models in decision-tables/: the starter pack's value tier builds and every decision table rule
 * can be cited; a broken or hostile model is refused with the problem and the DMN element (and rule)
 * an analyst opens in the editor to fix it.
 */
class DmnModelsTest {

    private static final String VALUE_TIER = "decision-tables/value-tier.dmn";
    private static final List<RulesetFile> STARTER_PACK = RulesetFolders.read(Path.of("rules"), Path.of("decision-tables"));
    private static final RulesetCompiler COMPILER = new RulesetCompiler(Clock.systemUTC());

    private static String valueTier() {
        return STARTER_PACK.stream().filter(f -> f.path().equals(VALUE_TIER)).findFirst().orElseThrow().text();
    }

    /** The starter pack with the value tier model replaced. */
    private static List<RulesetFile> withValueTier(String content) {
        return with(VALUE_TIER, content);
    }

    private static List<RulesetFile> with(String path, String content) {
        List<RulesetFile> files = new ArrayList<>(STARTER_PACK.stream().filter(f -> !f.path().equals(path)).toList());
        files.add(new RulesetFile(path, content.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private static RulesetProblem onlyProblem(List<RulesetFile> files) {
        RulesetInvalidException e = assertThrows(RulesetInvalidException.class, () -> COMPILER.compile(files));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    /** The value tier with one rule's output entry replaced: rule 3 outputs "silver". */
    private static String withRule3Output(String output) {
        String text = valueTier().replace("<outputEntry id=\"valueTier_rule_3_tier\"><text>\"silver\"</text>",
                "<outputEntry id=\"valueTier_rule_3_tier\"><text>" + output + "</text>");
        assertFalse(text.equals(valueTier()), "the starter model changed: update this test");
        return text;
    }

    @Test
    void theStarterValueTierBuildsAndEachRuleCanBeCited() {
        Ruleset ruleset = COMPILER.compile(STARTER_PACK);
        assertEquals(1, ruleset.dmn().size());
        for (int rule = 1; rule <= 6; rule++) {
            assertNotNull(ruleset.source("valueTier rule " + rule), "rule " + rule);
        }
        RuleSource regular = ruleset.source("valueTier rule 2");
        assertEquals("decision-tables/value-tier.dmn decision valueTier rule 2", regular.location());
        assertEquals("Orders: >= 10", regular.when());
        assertEquals("valueTier = \"gold\"", regular.then());
    }

    /**
     * What the KIE DMN editor needs to open a shipped model laid out: valid against the DMN 1.5 schema
     * (with DMNDI), and a diagram shape for every decision and input.
     */
    @Test
    void theShippedModelsAreValidDmn15WithADiagramShapeForEveryElement() throws Exception {
        Schema dmn15 = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(DmnModelsTest.class.getResource("/org/omg/spec/DMN/20230324/DMN15.xsd"));
        List<RulesetFile> models = STARTER_PACK.stream().filter(RulesetFile::isDmn).toList();
        assertFalse(models.isEmpty());
        for (RulesetFile model : models) {
            dmn15.newValidator().validate(new StreamSource(new ByteArrayInputStream(model.content())));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(model.content()));
            Set<String> shapes = new HashSet<>();
            NodeList shapeNodes = document.getElementsByTagNameNS("*", "DMNShape");
            for (int i = 0; i < shapeNodes.getLength(); i++) {
                shapes.add(((Element) shapeNodes.item(i)).getAttribute("dmnElementRef"));
            }
            for (String kind : List.of("decision", "inputData")) {
                NodeList elements = document.getElementsByTagNameNS("*", kind);
                for (int i = 0; i < elements.getLength(); i++) {
                    String id = ((Element) elements.item(i)).getAttribute("id");
                    assertTrue(shapes.contains(id), model.path() + ": no diagram shape for " + kind + " " + id);
                }
            }
        }
    }

    @Test
    void malformedXmlIsRefusedWithItsLine() {
        String truncated = valueTier().substring(0, valueTier().indexOf("</decisionTable>"));
        RulesetProblem problem = onlyProblem(withValueTier(truncated));
        assertEquals(VALUE_TIER, problem.file());
        assertNotNull(problem.line(), problem.describe());
        assertTrue(problem.message().startsWith("not well-formed XML"), problem.message());
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedBeforeTheEngineReadsIt() {
        String xxe = valueTier().replace("<definitions ", "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<definitions ")
                .replace("<text>\"gold\"</text>", "<text>\"&secret;\"</text>");
        RulesetProblem problem = onlyProblem(withValueTier(xxe));
        assertEquals(VALUE_TIER, problem.file());
        assertTrue(problem.message().contains("may not declare a DOCTYPE"), problem.message());
        assertFalse(problem.message().contains("root:"), "the entity was never expanded");
    }

    @Test
    void aJavaExternalFunctionInARuleCellIsRefusedWithItsRule() {
        RulesetProblem problem = onlyProblem(withValueTier(withRule3Output(
                "{ exit: function(code) external { java: { class: \"java.lang.System\", method signature: \"exit(int)\" } }, r: exit(1) }.r")));
        assertEquals(VALUE_TIER, problem.file());
        assertEquals("decision 'valueTier'", problem.element());
        assertEquals(3, problem.row());
        assertTrue(problem.message().contains("may not call Java"), problem.message());
    }

    @Test
    void aFeelForLoopOverAHugeRangeIsRefusedWithItsRule() {
        RulesetProblem problem = onlyProblem(withValueTier(withRule3Output("string(count(for i in 1..1000000000 return i))")));
        assertEquals("decision 'valueTier'", problem.element());
        assertEquals(3, problem.row());
        assertTrue(problem.message().startsWith("'for' over 1000000000 items"), problem.message());
    }

    @Test
    void aPathToTheJavaClassBehindAValueIsRefused() {
        String broken = valueTier().replace("<text>&gt;= 300</text>", "<text>? &gt;= 300 and ?.class.name != \"\"</text>");
        RulesetProblem problem = onlyProblem(withValueTier(broken));
        assertEquals("decision 'valueTier'", problem.element());
        assertEquals(3, problem.row());
        assertTrue(problem.message().startsWith("'.class' is not allowed"), problem.message());
    }

    @Test
    void anAnnotationIsProseAndMayMentionAnything() {
        String annotated = valueTier().replace("<text>Spent 1000 or more</text>",
                "<text>Spent 1000 or more: for the one in a hundred who pay with an external {card}</text>");
        assertEquals(1, COMPILER.compile(withValueTier(annotated)).dmn().size());
    }

    @Test
    void aJavaFunctionDefinitionIsRefusedWithItsElement() {
        String bkm = "<businessKnowledgeModel id=\"exit\" name=\"exit\"><variable name=\"exit\"/>"
                + "<encapsulatedLogic kind=\"Java\"><formalParameter name=\"code\" typeRef=\"number\"/>"
                + "<context><contextEntry><variable name=\"class\"/><literalExpression><text>\"java.lang.System\"</text></literalExpression></contextEntry>"
                + "<contextEntry><variable name=\"method signature\"/><literalExpression><text>\"exit(int)\"</text></literalExpression></contextEntry>"
                + "</context></encapsulatedLogic></businessKnowledgeModel>\n  <decision id=\"valueTier\"";
        RulesetProblem problem = onlyProblem(withValueTier(valueTier().replace("<decision id=\"valueTier\"", bkm)));
        assertEquals("businessKnowledgeModel 'exit'", problem.element());
        assertTrue(problem.message().contains("kind 'Java' is not allowed"), problem.message());
    }

    @Test
    void aFeelSyntaxErrorIsLocatedToItsDecisionAndRule() {
        String broken = valueTier().replace("<text>&gt;= 300</text>", "<text>&gt;= 300 and (</text>");
        RulesetProblem problem = onlyProblem(withValueTier(broken));
        assertEquals(VALUE_TIER, problem.file());
        assertEquals("decision 'valueTier'", problem.element());
        assertEquals(3, problem.row());
        assertNotNull(problem.line());
        assertTrue(problem.message().contains("syntax error"), problem.message());
        assertTrue(problem.describe().startsWith("decision-tables/value-tier.dmn, decision 'valueTier', rule 3, line "), problem.describe());
    }

    @Test
    void anInputThatIsNotACustomerFieldIsRefusedWithItsName() {
        String broken = valueTier().replace("name=\"lifetimeValue\"", "name=\"lifetimeValu\"");
        RulesetProblem problem = onlyProblem(withValueTier(broken));
        assertEquals("inputData 'lifetimeValu'", problem.element());
        assertEquals("'lifetimeValu' is not a Customer field a DMN model can read (did you mean 'lifetimeValue'?)", problem.message());
    }

    @Test
    void anInputDeclaredWithAnotherTypeThanItsFieldIsRefused() {
        String broken = valueTier().replace("name=\"orders\" typeRef=\"number\"", "name=\"orders\" typeRef=\"string\"");
        RulesetProblem problem = onlyProblem(withValueTier(broken));
        assertEquals("inputData 'orders'", problem.element());
        assertEquals("'orders' is a number on Customer, but the inputData declares type 'string'", problem.message());
    }

    @Test
    void anOutputOfTheWrongTypeIsRefusedWithItsRule() {
        RulesetProblem problem = onlyProblem(withValueTier(withRule3Output("42")));
        assertEquals("decision 'valueTier'", problem.element());
        assertEquals(3, problem.row());
        assertEquals("the output 42 is a number, but valueTier is a string", problem.message());
    }

    @Test
    void anOutputOutsideTheDeclaredValuesIsRefusedWithItsRule() {
        RulesetProblem problem = onlyProblem(withValueTier(withRule3Output("\"platinum\"")));
        assertEquals("decision 'valueTier'", problem.element());
        assertEquals(3, problem.row());
        assertEquals("the output \"platinum\" is not one of the output values \"gold\", \"silver\", \"bronze\", \"none\"", problem.message());
    }

    @Test
    void aDecisionRulesCannotReadIsRefused() {
        String broken = valueTier().replace("name=\"valueTier\" typeRef=\"string\"/>", "name=\"valueTier\" typeRef=\"date\"/>");
        RulesetProblem problem = onlyProblem(withValueTier(broken));
        assertEquals("decision 'valueTier'", problem.element());
        assertTrue(problem.message().startsWith("the decision's type is 'date'"), problem.message());
    }

    @Test
    void anImportOfAnotherModelIsRefused() {
        String broken = valueTier().replace("<inputData id=\"lifetimeValue\"",
                "<import namespace=\"https://example.com/other\" name=\"other\" importType=\"https://www.omg.org/spec/DMN/20230324/MODEL/\" "
                        + "locationURI=\"file:///etc/other.dmn\"/>\n  <inputData id=\"lifetimeValue\"");
        RulesetProblem problem = onlyProblem(withValueTier(broken));
        assertTrue(problem.message().startsWith("import of 'file:///etc/other.dmn"), problem.message());
    }

    @Test
    void xmlThatIsNotADmnModelIsRefused() {
        RulesetProblem problem = onlyProblem(with("decision-tables/notes.dmn", "<?xml version=\"1.0\"?><notes>tiers</notes>"));
        assertEquals("decision-tables/notes.dmn", problem.file());
        assertTrue(problem.message().startsWith("not a DMN model"), problem.message());
    }

    @Test
    void twoModelsCannotDecideTheSameName() {
        RulesetProblem problem = onlyProblem(with("decision-tables/value-tier-copy.dmn", valueTier()));
        assertEquals("decision-tables/value-tier-copy.dmn", problem.file());
        assertEquals("decision 'valueTier'", problem.element());
        assertTrue(problem.message().contains("is also decided in decision-tables/value-tier.dmn"), problem.message());
    }

    @Test
    void aProblemSerializesWithItsElementAndTableProblemsKeepTheirShape() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("{\"file\":\"decision-tables/value-tier.dmn\",\"row\":3,\"line\":47,\"message\":\"m\",\"element\":\"decision 'valueTier'\"}",
                json.writeValueAsString(RulesetProblem.inDmn(VALUE_TIER, "decision 'valueTier'", 3, 47, "m")));
        assertEquals("{\"file\":\"decision-tables/segments.drl.csv\",\"cell\":\"A11\",\"row\":11,\"message\":\"m\"}",
                json.writeValueAsString(new RulesetProblem("decision-tables/segments.drl.csv", null, "A11", 11, null, "m")));
    }
}
