package io.omnidecide.publishing.sandbox;

import io.omnidecide.ruleset.RulesetProblem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A build process main for the tests, started by the same launcher and harness as
 * {@link SandboxBuildMain}: the first draft file says what to try, and each finding comes back as
 * a problem whose {@code element} names it. Keeps test-only behaviour out of the service's code.
 */
public final class SandboxProbeMain {

    private SandboxProbeMain() {
    }

    public static void main(String[] args) {
        SandboxChild.serve(args, () -> { }, SandboxProbeMain::probe);
    }

    private static SandboxVerdict probe(SandboxJob job) {
        String[] command;
        try {
            command = Files.readString(Path.of(SandboxJob.stored(0)), StandardCharsets.UTF_8).trim().split(" ");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<RulesetProblem> findings = new ArrayList<>();
        switch (command[0]) {
            case "exit" -> System.exit(Integer.parseInt(command[1]));
            case "forge" -> {
                // A verdict without the token, then gone: must not pass for one.
                System.out.println("{\"problems\": []}");
                new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true).println("x {\"problems\": []}");
                System.exit(0);
            }
            case "escape" -> {
                int port = Integer.parseInt(command[1]);
                findings.add(finding("workingDirectory", Path.of("").toAbsolutePath().toString()));
                findings.add(finding("draftFileHere", String.valueOf(Files.exists(Path.of("").toAbsolutePath().resolve(SandboxJob.stored(0))))));
                findings.add(finding("tmpdir", System.getProperty("java.io.tmpdir")));
                findings.add(finding("connect", attempt(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                    }
                })));
                findings.add(finding("interfaces", interfaces()));
                findings.add(finding("writeOutside", attempt(() -> Files.writeString(Path.of(command[2]), "escaped"))));
                findings.add(finding("readOutside", attempt(() -> Files.readString(Path.of("/etc/hostname")))));
                findings.add(finding("writeInside", attempt(() -> Files.writeString(Path.of("mine.txt"), "mine"))));
                findings.add(finding("exec", attempt(() -> new ProcessBuilder("true").start().waitFor())));
                findings.add(finding("parentProcess", attempt(() -> ProcessHandle.current().parent().orElseThrow())));
                findings.add(finding("environment", String.valueOf(System.getenv().keySet())));
                findings.add(finding("threads", attempt(() -> {
                    for (int i = 0; i < 200; i++) {
                        Thread thread = new Thread(() -> sleep());
                        thread.setDaemon(true);
                        thread.start();
                    }
                })));
            }
            default -> throw new IllegalArgumentException("unknown probe " + command[0]);
        }
        return new SandboxVerdict(findings);
    }

    private static void sleep() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static String attempt(Attempt attempt) {
        try {
            attempt.run();
            return "allowed";
        } catch (Exception e) {
            return "refused: " + e;
        }
    }

    /** The network interfaces the process sees, and which are up. */
    private static String interfaces() {
        try {
            List<String> names = new ArrayList<>();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                names.add(nic.getName() + (nic.isUp() ? " up" : " down"));
            }
            return String.join(", ", names);
        } catch (IOException e) {
            // What Java says where no interface has an address, as in an empty network namespace.
            return "none: " + e.getMessage();
        }
    }

    private static RulesetProblem finding(String name, String value) {
        return RulesetProblem.inDmn(null, name, null, null, value);
    }
}
