package io.omnidecide.decision;

import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Channel;
import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Interactions;
import io.omnidecide.facts.ResponseCounts;
import io.omnidecide.problem.InvalidRequestException;
import io.omnidecide.profile.Profile;
import io.omnidecide.ruleset.Ruleset;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A decision from what is known, without I/O: the request, the profile (none for a visitor), its
 * recent activity, a ruleset and a time. The service feeds it from the database; scenario replays
 * feed it from memory, so both decide alike.
 */
public final class Decider {

    private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*");

    private final DecisionPipeline pipeline;
    private final String defaultLanguage;
    private final int maxLimit;

    public Decider(String defaultLanguage, int maxLimit) {
        this(defaultLanguage, maxLimit, DecisionPipeline.DEFAULT_RULE_TIME_LIMIT);
    }

    public Decider(String defaultLanguage, int maxLimit, Duration ruleTimeLimit) {
        this.pipeline = new DecisionPipeline(defaultLanguage, ruleTimeLimit);
        this.defaultLanguage = defaultLanguage;
        this.maxLimit = maxLimit;
    }

    public DecideResponse decide(Ruleset ruleset, DecideRequest request, Profile profile, RecentActivity activity,
            Interactions interactions, ResponseCounts responses, Instant now) {
        int limit = validate(request);
        return decide(ruleset, request, limit, facts(request, profile, activity, interactions, now), responses, now);
    }

    /**
     * The customer fact a decide starts from: what the rules read, before they write anything.
     *
     * @param request a request {@link #validate} accepted
     */
    public Customer facts(DecideRequest request, Profile profile, RecentActivity activity, Interactions interactions, Instant now) {
        RequestContext context = new RequestContext(request.channel(), request.placement(), request.locale());
        return profile == null
                ? CustomerFacts.visitor(request.customerId(), context, defaultLanguage)
                : CustomerFacts.of(profile, activity, interactions, context, now, defaultLanguage);
    }

    /** A decision from a customer fact as {@link #facts} made it (now, or recorded with an earlier decision). */
    public DecideResponse decide(Ruleset ruleset, DecideRequest request, Customer customer, ResponseCounts responses, Instant now) {
        return decide(ruleset, request, validate(request), customer, responses, now);
    }

    /** A decision for a request {@link #validate} accepted with this limit. */
    DecideResponse decide(Ruleset ruleset, DecideRequest request, int limit, Customer customer, ResponseCounts responses, Instant now) {
        DecisionOutcome outcome = pipeline.decide(ruleset, customer, limit, responses, request.explainFully(), request.channels());
        return new DecideResponse(UUID.randomUUID().toString(), customer.getCustomerId(), customer.isKnown(),
                request.channel(), request.placement(), ruleset.version(), now, outcome.segments(), outcome.lifecycleStage(),
                outcome.dmn(), outcome.actions(), outcome.suppressed(), outcome.candidates());
    }

    /**
     * Runs every stage once for a visitor on every channel, so that the first real decides on a
     * new ruleset do not pay for the engine's lazy set-up.
     */
    public void warmUp(Ruleset ruleset) {
        decide(ruleset, new DecideRequest("warm-up", null, Channel.ANY, null, null, maxLimit, null), null, RecentActivity.NONE,
                Interactions.NONE, ResponseCounts.NONE, Instant.EPOCH);
    }

    /** The profile's lifecycle stage and segments as the ruleset sees them at a time. */
    public Customer segment(Ruleset ruleset, Profile profile, RecentActivity activity, Instant now) {
        Customer customer = CustomerFacts.of(profile, activity, Interactions.NONE, new RequestContext(null, null, null), now, defaultLanguage);
        pipeline.segment(ruleset, customer);
        return customer;
    }

    /** Checks a request; returns the number of actions to answer with. */
    public int validate(DecideRequest request) {
        if (request == null) {
            throw new InvalidRequestException(null, "a decide request body is required");
        }
        if (request.customerId() == null && request.identity() == null) {
            throw new InvalidRequestException("customerId", "customerId or identity is required: whom is the decision for?");
        }
        if (request.customerId() != null && (request.customerId().isBlank() || request.customerId().length() > 128)) {
            throw new InvalidRequestException("customerId", "customerId must be a non-empty string of at most 128 characters");
        }
        if (request.identity() != null && request.identity().problem() != null) {
            throw new InvalidRequestException("identity", request.identity().problem());
        }
        if (request.channel() == null || !(Channel.ANY.equals(request.channel()) || Channel.fromWire(request.channel()).isPresent())) {
            throw new InvalidRequestException("channel", "channel must be one of " + Channel.NAMES + " or 'any'");
        }
        if (request.channels() != null) {
            checkChannels(request);
        }
        if (request.locale() != null && !LOCALE.matcher(request.locale()).matches()) {
            throw new InvalidRequestException("locale", "locale must be a language tag such as en, en-GB or sv-SE");
        }
        if (request.explain() != null && !request.explainFully()) {
            throw new InvalidRequestException("explain", "explain takes only 'full' (every candidate and what became of it); leave it out for the short answer");
        }
        int limit = request.limit() == null ? 1 : request.limit();
        if (limit < 1 || limit > maxLimit) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + maxLimit);
        }
        return limit;
    }

    private static void checkChannels(DecideRequest request) {
        if (!Channel.ANY.equals(request.channel())) {
            throw new InvalidRequestException("channels", "channels names the channels a decide on 'any' chooses among; with channel '"
                    + request.channel() + "' leave it out, or ask on 'any'");
        }
        if (request.channels().isEmpty() || request.channels().stream().anyMatch(c -> c == null || Channel.fromWire(c).isEmpty())
                || request.channels().stream().distinct().count() < request.channels().size()) {
            throw new InvalidRequestException("channels", "channels must be a non-empty list of distinct channels from " + Channel.NAMES);
        }
    }
}
