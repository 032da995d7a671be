package io.omnidecide.decision;

import io.omnidecide.facts.Candidate;
import io.omnidecide.facts.Channel;
import io.omnidecide.facts.Customer;
import io.omnidecide.facts.FactEffect;
import io.omnidecide.facts.ResponseCounts;
import io.omnidecide.facts.Stage;
import io.omnidecide.facts.TracedFact;
import io.omnidecide.message.MessageTemplate;
import io.omnidecide.ruleset.DmnTimeLimitException;
import io.omnidecide.ruleset.Ruleset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The decision stages, in process and without I/O: evaluate the DMN models on the customer, segment the customer, find the eligible
 * actions, expand each over the channels in question, apply the catalogue, the contact policy and
 * the copy, then choose a channel per action and rank. Every business choice comes from the
 * ruleset; this class only moves facts between stages and reads the results.
 */
public final class DecisionPipeline {

    /** Best first: higher score, then higher priority, then action id for a stable order. */
    private static final Comparator<Candidate> RANK = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparing(Comparator.comparingDouble(Candidate::getExpectedRate).reversed())
            .thenComparing(Candidate::getActionId);

    /** For "any": the customer's preferred channel first, then the brand's order from the actions table. */
    private static final Comparator<Candidate> CHANNEL_CHOICE = Comparator.comparingInt(Candidate::preferenceRank)
            .thenComparingInt(Candidate::getChannelRank).thenComparing(Candidate::getChannel);

    /** DMN results ("dmn") are evaluated as the segment stage begins. */
    private static final Map<String, Stage> STAGE_OF_EFFECT = Map.ofEntries(
            Map.entry("dmn", Stage.SEGMENT), Map.entry("lifecycle", Stage.SEGMENT), Map.entry("segment", Stage.SEGMENT),
            Map.entry("recommendation", Stage.SEGMENT), Map.entry("eligible", Stage.ELIGIBILITY), Map.entry("category", Stage.CATALOG),
            Map.entry("channels", Stage.CATALOG), Map.entry("outbound", Stage.CATALOG), Map.entry("lever", Stage.CATALOG), Map.entry("context", Stage.CATALOG),
            Map.entry("suppressed", Stage.POLICY), Map.entry("copy", Stage.MESSAGE));

    /** The effects of a candidate a returned action cites (with its eligibility). */
    private static final Set<String> CITED_EFFECTS = Set.of("category", "lever", "context", "copy");

    /**
     * For replays and tools run by hand, which have no configuration: only a guard against rules
     * that never end, generous enough for a cold JVM's first decides on a large table.
     */
    public static final Duration DEFAULT_RULE_TIME_LIMIT = Duration.ofSeconds(30);

    private final String defaultLanguage;
    private final Duration ruleTimeLimit;

    public DecisionPipeline(String defaultLanguage) {
        this(defaultLanguage, DEFAULT_RULE_TIME_LIMIT);
    }

    /** @param ruleTimeLimit how long the DMN models and rules of one evaluation may run before it is abandoned */
    public DecisionPipeline(String defaultLanguage, Duration ruleTimeLimit) {
        this.defaultLanguage = defaultLanguage;
        this.ruleTimeLimit = ruleTimeLimit;
    }

    /** Only the DMN models and the segment stage: lifecycle stage and segments, as the profile API shows them. */
    public void segment(Ruleset ruleset, Customer customer) {
        long deadline = deadline();
        evaluateDmn(ruleset, customer, deadline);
        try (RuleSession session = new RuleSession(ruleset, deadline, ruleTimeLimit)) {
            session.insert(customer);
            session.run(Stage.SEGMENT);
        }
    }

    DecisionOutcome decide(Ruleset ruleset, Customer customer, int limit) {
        return decide(ruleset, customer, limit, ResponseCounts.NONE, false);
    }

    /**
     * @param responses    responses seen so far, for learning each candidate's propensity
     * @param explainFully also list every candidate considered and what became of it
     */
    DecisionOutcome decide(Ruleset ruleset, Customer customer, int limit, ResponseCounts responses, boolean explainFully) {
        return decide(ruleset, customer, limit, responses, explainFully, null);
    }

    /** @param anyOf for a decide on "any", the channels the request named to choose among; null for the outbound ones */
    DecisionOutcome decide(Ruleset ruleset, Customer customer, int limit, ResponseCounts responses, boolean explainFully,
            List<String> anyOf) {
        AnyChannels sendable = AnyChannels.of(customer.getChannel(), anyOf);
        List<Candidate> candidates = new ArrayList<>();
        long deadline = deadline();
        // The DMN models' results are facts the segment stage and later stages read.
        evaluateDmn(ruleset, customer, deadline);
        try (RuleSession session = new RuleSession(ruleset, deadline, ruleTimeLimit)) {
            session.insert(customer);
            session.run(Stage.SEGMENT);
            session.run(Stage.ELIGIBILITY);
            for (String action : customer.proposals()) {
                for (String channel : channels(ruleset, action, customer.getChannel(), anyOf, explainFully)) {
                    Candidate candidate = new Candidate(action, channel, customer, customer.getLanguage());
                    candidates.add(candidate);
                    session.insert(candidate);
                }
            }
            session.run(Stage.CATALOG);
            session.run(Stage.POLICY);
            session.run(Stage.MESSAGE);
            List<Candidate> untranslated = candidates.stream()
                    .filter(c -> c.isAllowed() && !c.isHasCopy() && !defaultLanguage.equals(c.getLanguage())).toList();
            if (!untranslated.isEmpty()) {
                untranslated.forEach(c -> c.fallBackToLanguage(defaultLanguage));
                session.rerun(Stage.MESSAGE, untranslated);
            }
            for (Candidate c : candidates) {
                c.learnedPropensity(Propensity.of(c.getExpectedRate(), responses.of(c.getActionId(), c.getChannel(), customer.getLifecycleStage())));
            }
            List<Candidate> returned = pick(session, customer, candidates, limit, sendable);
            return assemble(ruleset, customer, candidates, returned, explainFully, sendable);
        }
    }

    /**
     * Fills the slots best first, one at a time. A pick that is a send (on a channel the channels
     * table marks outbound: it counts as an impression when decided) counts for the contact policy of the picks after it: the policy
     * stage runs again on the candidates still open with that impression in their history, so one
     * decision cannot take a customer over a cap that several decisions could not.
     */
    private static List<Candidate> pick(RuleSession session, Customer customer, List<Candidate> candidates, int limit,
            AnyChannels sendable) {
        List<Candidate> returned = new ArrayList<>();
        while (returned.size() < limit) {
            Optional<Candidate> next = next(returned, bestPerAction(candidates, sendable, returned));
            if (next.isEmpty()) {
                break;
            }
            Candidate picked = next.get();
            returned.add(picked);
            if (picked.isOutbound() && returned.size() < limit) {
                customer.setInteractions(customer.getInteractions().withImpression(picked.getActionId(), picked.getChannel(),
                        picked.getCategory()));
                List<Candidate> open = candidates.stream().filter(c -> usable(c) && returned.stream()
                        .noneMatch(r -> r.getActionId().equals(c.getActionId()))).toList();
                if (!open.isEmpty()) {
                    session.rerun(Stage.POLICY, open);
                }
            }
        }
        return returned;
    }

    /** Each action's best usable candidate on a channel the decide may send on (its actions not yet returned). */
    private static List<Candidate> bestPerAction(List<Candidate> candidates, AnyChannels sendable, List<Candidate> returned) {
        Map<String, List<Candidate>> byAction = new LinkedHashMap<>();
        candidates.stream().filter(c -> returned.stream().noneMatch(r -> r.getActionId().equals(c.getActionId())))
                .forEach(c -> byAction.computeIfAbsent(c.getActionId(), a -> new ArrayList<>()).add(c));
        List<Candidate> best = new ArrayList<>();
        byAction.values().forEach(options -> options.stream().filter(c -> usable(c) && sendable.admits(c)).min(CHANNEL_CHOICE)
                .ifPresent(best::add));
        return best;
    }

    /**
     * The channels to make candidates of an action on. For "any", only those the actions table
     * allows the action when the ruleset can tell beforehand: a candidate on any other channel is
     * only ever "not sent on this channel", and would go through the catalog, policy and copy for
     * nothing. A request on one channel, and a full explanation (which lists every candidate), get
     * the candidate whatever the table says, so that it can say why not.
     */
    private static List<String> channels(Ruleset ruleset, String action, String requestChannel, List<String> anyOf, boolean explainFully) {
        if (!Channel.ANY.equals(requestChannel)) {
            return List.of(requestChannel);
        }
        if (explainFully) {
            return Channel.NAMES;
        }
        List<String> allowed = ruleset.channelsOf(action);
        List<String> asked = anyOf == null ? Channel.NAMES : anyOf;
        List<String> channels = allowed == null ? asked : asked.stream().filter(allowed::contains).toList();
        // No real channel listed: every candidate goes through the catalog, for "no channel allowed".
        return channels.isEmpty() ? Channel.NAMES : channels;
    }

    /** When the DMN models and rules of one evaluation, together, must be done: one limit for the whole decide. */
    private long deadline() {
        return System.nanoTime() + ruleTimeLimit.toNanos();
    }

    private void evaluateDmn(Ruleset ruleset, Customer customer, long deadline) {
        try {
            ruleset.dmn().evaluate(customer, deadline);
        } catch (DmnTimeLimitException e) {
            throw new RuleTimeLimitException(e.file(), ruleTimeLimit);
        }
    }

    private DecisionOutcome assemble(Ruleset ruleset, Customer customer, List<Candidate> candidates, List<Candidate> returned,
            boolean explainFully, AnyChannels sendable) {
        Map<String, List<Candidate>> byAction = new LinkedHashMap<>();
        candidates.forEach(c -> byAction.computeIfAbsent(c.getActionId(), a -> new ArrayList<>()).add(c));
        List<Candidate> chosen = bestPerAction(candidates, sendable, List.of());
        List<SuppressedAction> suppressed = new ArrayList<>();
        byAction.forEach((action, options) -> {
            if (chosen.stream().noneMatch(c -> c.getActionId().equals(action))) {
                suppressed.addAll(whyNot(ruleset, action, options, sendable));
            }
        });
        List<ActionResult> actions = returned.stream()
                .map(c -> new ActionResult(c.getActionId(), c.getChannel(), c.getCategory(), round(c.score()),
                        scoreTerms(c), message(c), reasons(ruleset, customer, c), c.isOutbound()))
                .toList();
        List<CandidateView> considered = explainFully
                ? candidates.stream().map(c -> view(ruleset, c, returned.contains(c), chosen.contains(c), sendable)).toList() : null;
        return new DecisionOutcome(customer.segmentList(), customer.getLifecycleStage(), dmnResults(ruleset, customer), actions, suppressed,
                considered);
    }

    /** Every DMN decision's result for this customer, and the model and rule that produced it. */
    private static List<DmnResult> dmnResults(Ruleset ruleset, Customer customer) {
        return customer.effects().stream().filter(e -> e.kind().equals("dmn"))
                .map(e -> new DmnResult(e.value(), customer.getDmn().get(e.value()), reason(ruleset, e)))
                .toList();
    }

    /**
     * The best open action for the next slot: at most one action per category unless the actions
     * table lets the category have several; fallbacks only when nothing else qualifies.
     */
    private static Optional<Candidate> next(List<Candidate> returned, List<Candidate> open) {
        boolean primary = Stream.concat(returned.stream(), open.stream()).anyMatch(c -> !c.isFallback());
        return open.stream().sorted(RANK).filter(c -> !(primary && c.isFallback()))
                .filter(c -> returned.stream().noneMatch(r -> r.getCategory().equals(c.getCategory())
                        && !(r.isSeveralPerDecision() && c.isSeveralPerDecision())))
                .findFirst();
    }

    /** What became of one candidate, and every rule that touched it. */
    private static CandidateView view(Ruleset ruleset, Candidate c, boolean returned, boolean bestChannel, AnyChannels sendable) {
        String status = returned ? "returned"
                : c.getCategory() == null ? "not in the actions table"
                : !c.isAllowed() ? "not sent on this channel"
                : !sendable.admits(c) ? sendable.refusal(c.getChannel())
                : c.isSuppressed() ? "suppressed: " + String.join("; ", c.suppressions())
                : !c.isHasCopy() ? "no copy for this channel and language"
                : !bestChannel ? "another channel was chosen for this action"
                : c.isFallback() ? "a fallback, returned only when nothing else qualifies"
                : "not in the slots: ranked below the limit, or its category was already returned";
        List<Reason> rules = new ArrayList<>();
        c.customer().effects().stream().filter(e -> e.kind().equals("eligible") && e.value().equals(c.getActionId()))
                .forEach(e -> addReason(rules, ruleset, e, c.customer()));
        c.effects().forEach(e -> addReason(rules, ruleset, e, c.customer()));
        return new CandidateView(c.getActionId(), c.getChannel(), c.getCategory(),
                c.getCategory() == null ? null : round(c.score()), status, rules);
    }

    private static ActionResult.ScoreTerms scoreTerms(Candidate c) {
        return new ActionResult.ScoreTerms(round(c.getPropensity()), c.getValue(), c.getLever(), c.getContextWeight(), c.getExpectedRate());
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    private static boolean usable(Candidate c) {
        return c.getCategory() != null && c.isAllowed() && !c.isSuppressed() && c.isHasCopy();
    }

    private static MessageContent message(Candidate c) {
        Customer customer = c.customer();
        return new MessageContent(c.getLanguage(), MessageTemplate.render(c.subject(), customer), MessageTemplate.render(c.title(), customer),
                MessageTemplate.render(c.body(), customer), MessageTemplate.render(c.cta(), customer), MessageTemplate.render(c.url(), customer));
    }

    private static List<Reason> reasons(Ruleset ruleset, Customer customer, Candidate c) {
        List<Reason> reasons = new ArrayList<>();
        customer.effects().stream().filter(e -> e.kind().equals("eligible") && e.value().equals(c.getActionId()))
                .forEach(e -> addReason(reasons, ruleset, e, customer));
        c.effects().stream().filter(e -> CITED_EFFECTS.contains(e.kind()))
                .forEach(e -> addReason(reasons, ruleset, e, customer));
        return reasons;
    }

    /**
     * One reason per rule: a messages row sets several fields but is one reason. A rule whose
     * condition reads a DMN result ({@code dmn["valueTier"]}) brings the DMN rule that produced it.
     */
    private static void addReason(List<Reason> reasons, Ruleset ruleset, FactEffect effect, Customer customer) {
        if (effect.rule() == null || reasons.stream().anyMatch(r -> r.rule().equals(effect.rule()))) {
            return;
        }
        reasons.add(reason(ruleset, effect));
        Ruleset.Citation citation = ruleset.citation(effect.rule());
        for (String decision : citation == null ? List.<String>of() : citation.dmnReads()) {
            customer.effects().stream().filter(e -> e.kind().equals("dmn") && e.value().equals(decision))
                    .forEach(e -> addReason(reasons, ruleset, e, customer));
        }
    }

    private static Reason reason(Ruleset ruleset, FactEffect effect) {
        Ruleset.Citation citation = ruleset.citation(effect.rule());
        String stage = STAGE_OF_EFFECT.getOrDefault(effect.kind(), Stage.POLICY).agendaGroup();
        return citation == null ? new Reason(stage, effect.rule(), null, null, null)
                : new Reason(stage, effect.rule(), citation.location(), citation.when(), citation.then());
    }

    /** The reasons an action goes out on none of the channels in question. */
    private List<SuppressedAction> whyNot(Ruleset ruleset, String action, List<Candidate> options, AnyChannels sendable) {
        Candidate first = options.get(0);
        if (first.getCategory() == null) {
            return List.of(new SuppressedAction(action, null, "action '" + action + "' is not in the actions table", null));
        }
        List<SuppressedAction> reasons = new ArrayList<>();
        for (Candidate c : options) {
            if (!c.isAllowed()) {
                if (!sendable.any()) {
                    reasons.add(new SuppressedAction(action, c.getChannel(), "not sent on " + c.getChannel() + " (actions table)",
                            effectReason(ruleset, c, "channels")));
                }
            } else if (!sendable.admits(c)) {
                reasons.add(new SuppressedAction(action, c.getChannel(), sendable.refusal(c.getChannel()), effectReason(ruleset, c, "outbound")));
            } else if (c.isSuppressed()) {
                c.effects().stream().filter(e -> e.kind().equals("suppressed"))
                        .forEach(e -> reasons.add(new SuppressedAction(action, c.getChannel(), e.value(), reason(ruleset, e), history(c))));
            } else {
                reasons.add(new SuppressedAction(action, c.getChannel(),
                        "no copy for " + c.getChannel() + " in language '" + c.getLanguage() + "' (messages table)", null));
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(new SuppressedAction(action, null, "no channel allowed for this action (actions table)", null));
        }
        return reasons;
    }

    /** Where the customer stands against the caps, for a suppression; none without any interaction. */
    private static SuppressedAction.History history(Candidate c) {
        SuppressedAction.History h = new SuppressedAction.History(c.impressions(7), c.actionImpressions(14), c.categoryImpressions(1),
                c.getDaysSinceDismissed(), c.isConverted());
        boolean any = h.shownOnThisChannel7d() + h.shownOnAnyChannel14d() + h.categoryShownToday() > 0
                || h.daysSinceDismissed() != null || h.converted();
        return any ? h : null;
    }

    private static Reason effectReason(Ruleset ruleset, TracedFact fact, String kind) {
        return fact.effects().stream().filter(e -> e.kind().equals(kind)).findFirst().map(e -> reason(ruleset, e)).orElse(null);
    }
}
