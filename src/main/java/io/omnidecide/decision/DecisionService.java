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
import io.omnidecide.json.JsonColumns;
import io.omnidecide.problem.InvalidRequestException;
import io.omnidecide.profile.IdentityRef;
import io.omnidecide.profile.Profile;
import io.omnidecide.profile.ProfileStore;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Answers decide: validates the request, reads the profile and its recent activity, runs the
 * pipeline on the serving ruleset, and records the decision with the ruleset version.
 */
@ApplicationScoped
public class DecisionService {

    private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*");

    private final RulesetHolder rulesets;
    private final ProfileStore profiles;
    private final ActivityReader activity;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DecisionPipeline pipeline;
    private final OmnidecideConfig.DecideSettings settings;

    public DecisionService(RulesetHolder rulesets, ProfileStore profiles, ActivityReader activity, Clock clock,
            MeterRegistry meters, OmnidecideConfig config) {
        this.rulesets = rulesets;
        this.profiles = profiles;
        this.activity = activity;
        this.clock = clock;
        this.meters = meters;
        this.settings = config.decide();
        this.pipeline = new DecisionPipeline(settings.defaultLanguage());
    }

    @Transactional
    public DecideResponse decide(DecideRequest request) {
        Timer.Sample sample = Timer.start(meters);
        int limit = validate(request);
        Ruleset ruleset = rulesets.current();
        Instant now = clock.instant();
        RequestContext context = new RequestContext(request.channel(), request.placement(), request.locale());
        Optional<Profile> profile = find(request);
        Customer customer = profile
                .map(p -> CustomerFacts.of(p, activity.of(p.customerId, now), context, now, settings.defaultLanguage()))
                .orElseGet(() -> CustomerFacts.visitor(request.customerId(), context, settings.defaultLanguage()));
        DecisionOutcome outcome = pipeline.decide(ruleset, customer, limit);
        DecideResponse response = new DecideResponse(UUID.randomUUID().toString(), customer.getCustomerId(), customer.isKnown(),
                request.channel(), request.placement(), ruleset.version(), now, outcome.segments(), outcome.lifecycleStage(),
                outcome.actions(), outcome.suppressed());
        record(request, response);
        sample.stop(meters.timer("omnidecide.decide", "channel", request.channel()));
        response.actions().forEach(a -> meters.counter("omnidecide.decide.actions", "channel", a.channel(), "action", a.actionId()).increment());
        return response;
    }

    /** The profile's lifecycle stage and segments as the serving rules see them now. */
    public Customer segmentsOf(Profile profile, RecentActivity recent) {
        Customer customer = CustomerFacts.of(profile, recent, new RequestContext(null, null, null), clock.instant(),
                settings.defaultLanguage());
        pipeline.segment(rulesets.current(), customer);
        return customer;
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
            return profiles.find(request.customerId());
        }
        return profiles.customerOf(request.identity().normalised()).flatMap(profiles::find);
    }

    private void record(DecideRequest request, DecideResponse response) {
        DecisionRecord record = new DecisionRecord();
        record.decisionId = response.decisionId();
        record.customerId = response.customerId();
        record.channel = response.channel();
        record.rulesetVersion = response.rulesetVersion();
        record.request = JsonColumns.write(request);
        record.response = JsonColumns.write(response);
        record.decidedAt = response.decidedAt();
        record.persist();
    }

    /** Checks the request; returns the number of actions to answer with. */
    private int validate(DecideRequest request) {
        if (request == null) {
            throw new InvalidRequestException(null, "a decide request body is required");
        }
        if (request.customerId() == null && request.identity() == null) {
            throw new InvalidRequestException("customerId", "customerId or identity is required: whom is the decision for?");
        }
        if (request.customerId() != null && (request.customerId().isBlank() || request.customerId().length() > 128)) {
            throw new InvalidRequestException("customerId", "customerId must be a non-empty string of at most 128 characters");
        }
        if (request.customerId() == null && request.identity().problem() != null) {
            throw new InvalidRequestException("identity", request.identity().problem());
        }
        if (request.channel() == null || !(Channel.ANY.equals(request.channel()) || Channel.fromWire(request.channel()).isPresent())) {
            throw new InvalidRequestException("channel", "channel must be one of " + Channel.NAMES + " or 'any'");
        }
        if (request.locale() != null && !LOCALE.matcher(request.locale()).matches()) {
            throw new InvalidRequestException("locale", "locale must be a language tag such as en, en-GB or sv-SE");
        }
        int limit = request.limit() == null ? 1 : request.limit();
        if (limit < 1 || limit > settings.maxLimit()) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + settings.maxLimit());
        }
        return limit;
    }
}
