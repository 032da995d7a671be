package io.omnidecide.access;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /v1/keys. */
public record KeyRequest(
        @Schema(description = "A name for the key, unique, e.g. the channel it is for", examples = "web-shop") String name,
        @Schema(description = "channel, analyst, publisher, tester, privacy, admin") List<String> roles,
        @Schema(description = "Requests per second this key may make; the configured default when left out", examples = "50")
        Integer rateLimitPerSecond) {
}
