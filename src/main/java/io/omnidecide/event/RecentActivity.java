package io.omnidecide.event;

import java.util.Map;

/** A customer's engagement in recent windows, counted from the event log at decision time. */
public record RecentActivity(Map<String, Integer> engagement30d, int appSessions14d, int appSessions30d, int emailEngagement30d) {

    public static final RecentActivity NONE = new RecentActivity(Map.of(), 0, 0, 0);
}
