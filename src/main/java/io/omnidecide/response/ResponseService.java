package io.omnidecide.response;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnidecide.decision.DecisionRecord;
import io.omnidecide.decision.UnknownDecisionException;
import io.omnidecide.facts.Channel;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.problem.InvalidRequestException;
import io.omnidecide.store.DatabaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Records what customers did with the actions decisions returned: the feedback loop's input. */
@ApplicationScoped
public class ResponseService {

    private final DatabaseStore store;
    private final Clock clock;
    private final MeterRegistry meters;

    public ResponseService(DatabaseStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public ResponseResult record(ResponseRequest request) {
        if (request == null || request.decisionId() == null || request.decisionId().isBlank()) {
            throw new InvalidRequestException("decisionId", "decisionId is required");
        }
        if (request.actionId() == null || request.actionId().isBlank()) {
            throw new InvalidRequestException("actionId", "actionId is required");
        }
        if (!OutcomeRecorder.OUTCOMES.contains(request.outcome())) {
            throw new InvalidRequestException("outcome", "outcome must be one of " + OutcomeRecorder.OUTCOMES);
        }
        if (request.channel() != null && Channel.fromWire(request.channel()).isEmpty()) {
            throw new InvalidRequestException("channel", "channel must be one of " + Channel.NAMES);
        }
        Instant at = occurredAt(request.occurredAt());
        DecisionRecord decision = DecisionRecord.<DecisionRecord>findByIdOptional(request.decisionId())
                .orElseThrow(() -> new UnknownDecisionException(request.decisionId()));
        JsonNode action = returnedAction(decision, request.actionId());
        String channel = request.channel() != null ? request.channel() : action.path("channel").asText();
        String segment = JsonColumns.readTree(decision.response).path("lifecycleStage").asText(null);
        boolean recorded = OutcomeRecorder.record(store, decision.decisionId, request.actionId(), request.outcome(), decision.customerId,
                channel, action.path("category").asText(null), segment, at);
        if (recorded) {
            // Conversions are the outcome "convert"; a repeated response is not counted again.
            meters.counter("omnidecide.responses", "outcome", request.outcome(), "channel", channel).increment();
        }
        return new ResponseResult(decision.decisionId, request.actionId(), request.outcome(), !recorded);
    }

    private static JsonNode returnedAction(DecisionRecord decision, String actionId) {
        for (JsonNode action : JsonColumns.readTree(decision.response).path("actions")) {
            if (action.path("actionId").asText().equals(actionId)) {
                return action;
            }
        }
        throw new ActionNotInDecisionException(decision.decisionId, actionId);
    }

    private Instant occurredAt(String text) {
        if (text == null) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("occurredAt", "occurredAt must be an ISO-8601 time with offset, such as 2026-11-24T10:15:30Z");
        }
    }
}
