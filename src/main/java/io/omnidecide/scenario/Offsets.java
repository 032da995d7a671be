package io.omnidecide.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Step offsets as testers write them: "+0", "+90m", "+2h", "+3d", "+1w2d" (s, m, h, d, w). */
final class Offsets {

    private static final Pattern WHOLE = Pattern.compile("\\+?(\\d+[smhdw])+|\\+?0");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhdw])");

    private Offsets() {
    }

    static Duration parse(String offset) {
        String text = offset == null ? "+0" : offset.trim();
        if (!WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException("offset '" + offset + "' is not like +0, +90m, +2h, +3d or +1w2d");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            });
        }
        return total;
    }
}
