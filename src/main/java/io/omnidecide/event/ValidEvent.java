package io.omnidecide.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnidecide.profile.IdentityRef;
import java.time.Instant;

/** An incoming event that passed validation: who, what, where, when, and its properties. */
record ValidEvent(int index, String id, String customerId, IdentityRef identity, EventType type, String channel,
        Instant occurredAt, ObjectNode properties) {
}
