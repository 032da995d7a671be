package io.omnidecide.publishing.sandbox;

/** Whether build processes start in a network namespace of their own (omnidecide.ruleset.sandbox.network-namespace). */
public enum NetworkIsolation {
    /** In one when {@code unshare --user --net} works on this host; otherwise the security manager alone keeps the network out. */
    AUTO,
    /** In one, or no build at all: every draft is refused while the host cannot make one. */
    REQUIRED,
    /** The security manager alone, for hosts where namespaces misbehave. */
    OFF
}
