package io.omnidecide.ruleset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.facts.Customer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * The wall behind the allow-list: were the check wrong, rule code still could not reach processes,
 * files, threads, reflection, system properties or the service. These rules skip the check (they
 * are parsed and built directly, as a check that let them through would), and nothing they try
 * happens: they fail to compile, or fail when they run.
 */
class RuleClassFilterTest {

    private static final String PROOF = "target/hostile-proof";

    @BeforeEach
    void noProofYet() throws Exception {
        Files.deleteIfExists(Path.of(PROOF));
        System.clearProperty("omnidecide.hostile");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "then java.lang.Runtime.getRuntime().exec(new String[] {\"touch\", \"" + PROOF + "\"});",
            "then new ProcessBuilder(\"touch\", \"" + PROOF + "\").start();",
            "then System.setProperty(\"omnidecide.hostile\", \"ran\");",
            "then new java.io.File(\"" + PROOF + "\").createNewFile();",
            "then java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + PROOF + "\"));",
            "then new Thread(() -> System.setProperty(\"omnidecide.hostile\", \"ran\")).start();",
            "then Class.forName(\"java.lang.System\").getMethod(\"setProperty\", String.class, String.class).invoke(null, \"omnidecide.hostile\", \"ran\");",
            "then $c.getClass().getClassLoader().loadClass(\"java.lang.System\");",
            "then io.quarkus.runtime.Quarkus.asyncExit();",
            "then java.util.concurrent.Executors.newSingleThreadExecutor();",
            "eval(java.lang.Runtime.getRuntime().exec(new String[] {\"touch\", \"" + PROOF + "\"}) != null) then $c.addSegment(\"x\");",
            "eval(Runtime.getRuntime().exec(new String[] {\"touch\", \"" + PROOF + "\"}) != null) then $c.addSegment(\"x\");",
            "eval(System.setProperty(\"omnidecide.hostile\", \"ran\") == null) then $c.addSegment(\"x\");",
            "eval(Thread.currentThread() != null) then $c.addSegment(\"x\");",
            "eval($c.getClass().getClassLoader().loadClass(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
                    + ".exec(new String[] {\"touch\", \"" + PROOF + "\"}) != null) then $c.addSegment(\"x\");",
            "eval(((java.lang.Runtime) $c.getClass().getClassLoader().loadClass(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null))"
                    + ".exec(new String[] {\"touch\", \"" + PROOF + "\"}) != null) then $c.addSegment(\"x\");"})
    void ruleCodeCannotReachTheSystem(String body) throws Exception {
        String drl = "package omnidecide.hostile\nimport io.omnidecide.facts.*\nrule \"Hostile\" agenda-group \"segment\"\nwhen\n    $c : Customer()\n    "
                + body + "\nend\n";
        PackageDescr tree = new DrlParser().parse(false, drl);
        List<KnowledgeBuilderError> errors = new ArrayList<>();
        KieBase kieBase = RulesetCompiler.buildFiltered(List.of(tree), errors);
        Throwable failure = null;
        if (kieBase != null) {
            KieSession session = kieBase.newKieSession();
            try {
                session.insert(new Customer());
                session.getAgenda().getAgendaGroup("segment").setFocus();
                session.fireAllRules();
            } catch (Throwable e) {
                failure = e;
            } finally {
                session.dispose();
            }
        }
        assertFalse(Files.exists(Path.of(PROOF)), body + " wrote " + PROOF);
        assertNull(System.getProperty("omnidecide.hostile"), body + " set a system property");
        assertTrue(!errors.isEmpty() || failure != null, body + " built and ran without failing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.Runtime", "java.lang.System", "java.lang.ProcessBuilder", "java.lang.Thread", "java.lang.ClassLoader",
            "java.lang.reflect.Method", "java.lang.invoke.MethodHandles", "java.io.File", "java.nio.file.Files", "java.net.Socket",
            "java.util.concurrent.Executors", "java.util.ServiceLoader", "javax.script.ScriptEngineManager", "sun.misc.Unsafe",
            "io.omnidecide.decision.Decider", "io.quarkus.runtime.Quarkus", "org.kie.api.io.Resource"})
    void refusesWhatTouchesTheSystem(String className) {
        assertFalse(RuleClassFilter.allows(className), className);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.String", "java.lang.Object", "java.util.List", "java.util.Map$Entry", "java.math.BigDecimal",
            "java.time.Instant", "io.omnidecide.facts.Customer", "org.drools.core.WorkingMemory", "org.mvel2.MVEL"})
    void allowsWhatRulesNeed(String className) {
        assertTrue(RuleClassFilter.allows(className), className);
    }
}
