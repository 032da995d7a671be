package io.omnidecide.event;

import java.util.List;

/** The answer to POST /v1/events: how many items were stored, were already known, or were refused and why. */
public record IngestResult(int accepted, int duplicates, int rejected, List<EventRejection> errors) {
}
