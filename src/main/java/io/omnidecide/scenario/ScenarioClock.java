package io.omnidecide.scenario;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A replay's clock: time moves only when the replay moves it. */
final class ScenarioClock extends Clock {

    private Instant now;

    ScenarioClock(Instant start) {
        this.now = start;
    }

    void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same replay time, seen from another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        ScenarioClock replay = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return replay.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return replay.withZone(other);
            }
        };
    }
}
