package io.omnidecide.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.omnidecide.OmnidecideConfig;
import io.omnidecide.event.ActivityReader;
import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Channel;
import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Interactions;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.profile.Profile;
import io.omnidecide.profile.ProfileStore;
import io.omnidecide.response.InteractionLog;
import io.omnidecide.response.PropensityStats;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers decide: validates the request, reads the profile and its recent activity, runs the
 * pipeline on the serving ruleset, and records the decision with the ruleset version.
 */
@ApplicationScoped
public class DecisionService {

    private final RulesetHolder rulesets;
    private final ProfileStore profiles;
    private final ActivityReader activity;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Decider decider;
    private final InteractionLog interactions;
    private final PropensityStats propensities;

    public DecisionService(RulesetHolder rulesets, ProfileStore profiles, ActivityReader activity, InteractionLog interactions,
            PropensityStats propensities, Clock clock, MeterRegistry meters, OmnidecideConfig config) {
        this.interactions = interactions;
        this.propensities = propensities;
        this.rulesets = rulesets;
        this.profiles = profiles;
        this.activity = activity;
        this.clock = clock;
        this.meters = meters;
        this.decider = new Decider(config.decide().defaultLanguage(), config.decide().maxLimit(), config.decide().ruleTimeLimit());
    }

    @Transactional
    public DecideResponse decide(DecideRequest request) {
        Timer.Sample sample = Timer.start(meters);
        decider.validate(request);
        Ruleset ruleset = rulesets.current();
        Profile profile = find(request).orElse(null);
        boolean sends = Channel.ANY.equals(request.channel()) || Channel.isOutbound(request.channel());
        if (profile != null && sends) {
            // Outbound decides for one customer take turns, so two at once cannot both pass a cap.
            profiles.lock(profile);
        }
        // Read the time after the lock: the impressions of the decide we waited for are then in the past.
        Instant now = clock.instant();
        RecentActivity recent = profile == null ? RecentActivity.NONE : activity.of(profile.customerId, now);
        Interactions history = profile == null ? Interactions.NONE : interactions.of(profile.customerId, now);
        Customer facts = decider.facts(request, profile, recent, history, now);
        String inputs = FactSnapshot.write(facts);
        DecideResponse response = decider.decide(ruleset, request, facts, propensities, now);
        record(request, response, inputs);
        // An outbound decision is the send: count it as an impression now, in the same transaction.
        response.sentActions().forEach(a -> interactions.record(response.decisionId(), a.actionId(), "impression",
                response.customerId(), a.channel(), a.category(), response.lifecycleStage(), now));
        sample.stop(meters.timer("omnidecide.decide", "channel", request.channel()));
        response.actions().forEach(a -> meters.counter("omnidecide.decide.actions", "channel", a.channel(), "action", a.actionId()).increment());
        return response;
    }

    /** The profile's lifecycle stage and segments as the serving rules see them now. */
    public Customer segmentsOf(Profile profile, RecentActivity recent) {
        return decider.segment(rulesets.current(), profile, recent, clock.instant());
    }

    /** The recorded decision: the response as sent, with the request that asked for it. */
    @Transactional
    public JsonNode find(String decisionId) {
        DecisionRecord record = DecisionRecord.<DecisionRecord>findByIdOptional(decisionId)
                .orElseThrow(() -> new UnknownDecisionException(decisionId));
        ObjectNode view = (ObjectNode) JsonColumns.readTree(record.response);
        view.set("request", JsonColumns.readTree(record.request));
        return view;
    }

    private Optional<Profile> find(DecideRequest request) {
        if (request.customerId() != null) {
            return profiles.findReadOnly(request.customerId());
        }
        return profiles.customerOf(request.identity().normalised()).flatMap(profiles::findReadOnly);
    }

    private void record(DecideRequest request, DecideResponse response, String inputs) {
        DecisionRecord record = new DecisionRecord();
        record.decisionId = response.decisionId();
        record.customerId = response.customerId();
        record.channel = response.channel();
        record.rulesetVersion = response.rulesetVersion();
        record.request = JsonColumns.write(request);
        record.response = JsonColumns.write(response);
        record.inputs = inputs;
        record.decidedAt = response.decidedAt();
        record.persist();
    }
}
