package io.omnidecide.bench;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's log levels (application.properties: INFO, Drools and KIE at WARN) for a benchmark
 * run outside Quarkus. Without them the JBoss log manager lets every level through, and Drools then
 * formats a trace message for every firing and fact update: a quarter of a decide's time in the
 * benchmark that the service never spends.
 */
final class ServiceLogLevels {

    /** Held so the levels are not lost with loggers nobody references. */
    private static final List<Logger> CONFIGURED = List.of(Logger.getLogger(""), Logger.getLogger("org.drools"), Logger.getLogger("org.kie"));

    private ServiceLogLevels() {
    }

    static void apply() {
        CONFIGURED.get(0).setLevel(Level.INFO);
        CONFIGURED.get(1).setLevel(Level.WARNING);
        CONFIGURED.get(2).setLevel(Level.WARNING);
    }
}
