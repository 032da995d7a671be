package io.omnidecide.event;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A customer's engagement in recent windows, counted from the event log at decision time. */
public record RecentActivity(Map<String, Integer> engagement30d, int appSessions14d, int appSessions30d, int emailEngagement30d) {

    public static final RecentActivity NONE = new RecentActivity(Map.of(), 0, 0, 0);

    /** Events of one type on one channel in the last 30 days, and how many of them in the last 14. */
    public record Count(String channel, String type, int last30Days, int last14Days) {
    }

    /** The windows from per-channel, per-type counts; the database and the in-memory replay both count that way. */
    public static RecentActivity of(List<Count> counts) {
        TreeMap<String, Integer> engagement = new TreeMap<>();
        int app14 = 0;
        int app30 = 0;
        int email30 = 0;
        for (Count count : counts) {
            if (count.channel() != null) {
                engagement.merge(count.channel(), count.last30Days(), Integer::sum);
            }
            if (count.type().equals(EventType.APP_SESSION.wireName())) {
                app14 += count.last14Days();
                app30 += count.last30Days();
            } else if (count.type().equals(EventType.EMAIL_OPEN.wireName()) || count.type().equals(EventType.EMAIL_CLICK.wireName())) {
                email30 += count.last30Days();
            }
        }
        return new RecentActivity(engagement, app14, app30, email30);
    }
}
