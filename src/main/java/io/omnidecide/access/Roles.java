package io.omnidecide.access;

import java.util.List;

/** What a caller may do. An admin key holds every role. */
public final class Roles {

    /** Send events, decide, send responses, read and write profiles. */
    public static final String CHANNEL = "channel";
    /** Read rulesets, create drafts, simulate. */
    public static final String ANALYST = "analyst";
    /** Publish and roll back rulesets. */
    public static final String PUBLISHER = "publisher";
    /** Run scenarios and replays. */
    public static final String TESTER = "tester";
    /** Export and erase a customer. */
    public static final String PRIVACY = "privacy";
    /** Manage keys, and everything else. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(CHANNEL, ANALYST, PUBLISHER, TESTER, PRIVACY, ADMIN);

    private Roles() {
    }
}
