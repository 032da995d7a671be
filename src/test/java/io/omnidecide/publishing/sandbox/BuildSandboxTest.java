package io.omnidecide.publishing.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.bench.GeneratedTables;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.StarterPack;
import io.omnidecide.ruleset.RulesetProblem;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Drafts built in a separate JVM: valid and invalid drafts come back with their problems, a build
 * past its time or heap is killed with a clear reason and the next one works, and the process can
 * neither reach the network nor write outside its scratch directory.
 */
class BuildSandboxTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private static BuildSandbox sandbox(Duration timeLimit, String heap) {
        return new BuildSandbox(limits(timeLimit, heap, NetworkIsolation.AUTO, false), "en", 10);
    }

    private static BuildSandbox.Limits limits(Duration timeLimit, String heap, NetworkIsolation network, boolean spare) {
        long megabytes = Long.parseLong(heap.replace("m", ""));
        return new BuildSandbox.Limits(timeLimit, megabytes << 20, network, spare);
    }



    private static String onlyMessage(SandboxVerdict verdict) {
        assertEquals(1, verdict.problems().size(), verdict.problems().toString());
        return verdict.problems().get(0).message();
    }

    @Test
    void theStarterPackIsValidAndABrokenCellComesBackLocated() {
        try (BuildSandbox sandbox = sandbox(Duration.ofSeconds(60), "256m")) {
            assertEquals(List.of(), sandbox.build(StarterPack.FILES).problems());
            String typo = StarterPack.file("decision-tables/eligibility.drl.csv").replace("appSessions30d >= $param", "appSesions30d >= $param");
            RulesetProblem problem = sandbox.build(StarterPack.with("decision-tables/eligibility.drl.csv", typo)).problems().get(0);
            assertEquals("decision-tables/eligibility.drl.csv", problem.file());
            assertEquals("F9", problem.cell());
            assertEquals(19, problem.row());
            assertTrue(problem.message().contains("did you mean 'appSessions30d'"), problem.message());
        }
    }

    @Test
    void aBuildPastItsTimeLimitIsKilledAndTheNextBuildWorks() {
        try (BuildSandbox sandbox = sandbox(Duration.ofSeconds(1), "512m")) {
            long start = System.nanoTime();
            SandboxVerdict verdict = sandbox.build(StarterPack.with("decision-tables/generated.drl.csv", GeneratedTables.eligibility(10_000)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("the ruleset took longer than 1 s to build (omnidecide.ruleset.build-time-limit); split very large tables",
                    onlyMessage(verdict));
            assertTrue(millis < 10_000, "killed after " + millis + " ms");
        }
        try (BuildSandbox sandbox = sandbox(Duration.ofSeconds(60), "256m")) {
            assertTrue(sandbox.build(StarterPack.FILES).isValid());
        }
    }

    @Test
    void aBuildThatExhaustsItsHeapIsInvalidWithTheLimit() {
        try (BuildSandbox sandbox = sandbox(Duration.ofSeconds(60), "24m")) {
            SandboxVerdict verdict = sandbox.build(StarterPack.with("decision-tables/generated.drl.csv", GeneratedTables.eligibility(10_000)));
            assertEquals("the ruleset needed more than 24 MB of memory to build (omnidecide.ruleset.sandbox.heap); split very large tables",
                    onlyMessage(verdict));
        }
    }

    @Test
    void aProcessThatCannotStartOrDiesWithoutAVerdictIsAProblemNotAFailure() {
        try (BuildSandbox sandbox = new BuildSandbox(limits(Duration.ofSeconds(30), "64m", NetworkIsolation.OFF, false), "en", 10,
                Path.of("/nonexistent/bin/java"), SandboxBuildMain.class)) {
            assertEquals("the build sandbox could not start a build process; the service log says why", onlyMessage(sandbox.build(StarterPack.FILES)));
        }
        try (BuildSandbox sandbox = probe(NetworkIsolation.AUTO, false)) {
            assertEquals("the build process exited with code 7 before it gave a verdict", onlyMessage(sandbox.build(command("exit 7"))));
            // A verdict printed by the draft's own code has no token.
            assertEquals("the build process exited with code 0 before it gave a verdict", onlyMessage(sandbox.build(command("forge"))));
        }
    }

    @Test
    void theBuildProcessHasNoNetworkAndWritesOnlyInItsScratchDirectory() throws IOException {
        for (NetworkIsolation network : List.of(NetworkIsolation.AUTO, NetworkIsolation.OFF)) {
            Path outside = Path.of("target", "sandbox-escape-" + network + ".txt").toAbsolutePath();
            Files.deleteIfExists(outside);
            try (ServerSocket listening = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                    BuildSandbox sandbox = probe(network, false)) {
                Map<String, String> found = findings(sandbox.build(command("escape " + listening.getLocalPort() + " " + outside)));

                Path scratch = Path.of(found.get("workingDirectory"));
                assertTrue(scratch.getFileName().toString().startsWith("omnidecide-build-"), scratch.toString());
                assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toRealPath(), scratch.getParent());
                assertEquals("true", found.get("draftFileHere"));
                assertEquals(scratch.toString(), found.get("tmpdir"));
                assertFalse(Files.exists(scratch), "the scratch directory is deleted after the build");

                assertTrue(found.get("connect").startsWith("refused"), network + ": " + found.get("connect"));
                assertTrue(found.get("writeOutside").startsWith("refused"), found.get("writeOutside"));
                assertFalse(Files.exists(outside));
                assertTrue(found.get("readOutside").startsWith("refused"), found.get("readOutside"));
                assertEquals("allowed", found.get("writeInside"));
                assertTrue(found.get("exec").startsWith("refused"), found.get("exec"));
                assertTrue(found.get("parentProcess").startsWith("refused"), found.get("parentProcess"));
                assertTrue(found.get("threads").contains("more than 64 threads"), found.get("threads"));
                assertFalse(found.get("environment").contains("PATH"), found.get("environment"));
                if (sandbox.networkNamespace()) {
                    // Beneath the security manager: a namespace with nothing in it but a loopback that is down.
                    assertEquals("none: No network interfaces configured", found.get("interfaces"));
                } else {
                    assertEquals(NetworkIsolation.OFF, network, "this host allows network namespaces (unshare --user --net)");
                    assertTrue(found.get("interfaces").contains("lo up"), found.get("interfaces"));
                }
            }
        }
    }

    @Test
    void aSpareProcessServesOneDraftAndIsReplaced() {
        try (BuildSandbox sandbox = new BuildSandbox(limits(Duration.ofSeconds(60), "256m", NetworkIsolation.AUTO, true), "en", 10)) {
            sandbox.startSpare();
            assertTrue(sandbox.build(StarterPack.FILES).isValid());
            assertTrue(sandbox.build(StarterPack.FILES).isValid());
        }
    }

    private static BuildSandbox probe(NetworkIsolation network, boolean spare) {
        return new BuildSandbox(limits(Duration.ofSeconds(30), "64m", network, spare), "en", 10, JAVA, SandboxProbeMain.class);
    }

    private static List<RulesetFile> command(String command) {
        return List.of(new RulesetFile("rules/probe.drl", command.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> findings(SandboxVerdict verdict) {
        return verdict.problems().stream().collect(Collectors.toMap(RulesetProblem::element, RulesetProblem::message));
    }
}
