package io.omnidecide.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnidecide.decision.ActionResult;
import io.omnidecide.decision.DecideRequest;
import io.omnidecide.decision.DecideResponse;
import io.omnidecide.decision.Decider;
import io.omnidecide.decision.SuppressedAction;
import io.omnidecide.event.IngestResult;
import io.omnidecide.event.InMemoryCustomers;
import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Customer;
import io.omnidecide.facts.Interactions;
import io.omnidecide.facts.ResponseCounts;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.problem.ProblemException;
import io.omnidecide.profile.ConsentEntry;
import io.omnidecide.profile.IdentityRef;
import io.omnidecide.profile.Profile;
import io.omnidecide.profile.ProfileView;
import io.omnidecide.response.ResponseService;
import io.omnidecide.ruleset.Ruleset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replays a scenario through the real pipeline, isolated: profiles and events live in memory for
 * the run, time is the scenario's clock, nothing is stored or sent. Each step's expectations are
 * checked and, when one fails, the decision's explanation says why it came out as it did.
 */
public final class ScenarioRunner {

    /** Scenarios are short: keep every event, so late ones can be placed in event time. */
    private static final Duration KEEP_ALL = Duration.ofDays(36_500);

    private final Decider decider;

    public ScenarioRunner(Decider decider) {
        this.decider = decider;
    }

    /** Runs a scenario read from a file; an unreadable file is a failed result naming its problem. */
    public ScenarioResult run(ScenarioReader.Named named, Ruleset ruleset) {
        if (named.problem() != null) {
            return new ScenarioResult(named.file(), named.file(), false,
                    List.of(new ScenarioResult.StepResult("scenario file", false, null, null, named.problem())));
        }
        return run(named.scenario(), named.file(), ruleset);
    }

    public ScenarioResult run(Scenario scenario, String file, Ruleset ruleset) {
        List<ScenarioResult.StepResult> results = new ArrayList<>();
        try {
            check(scenario);
            ScenarioClock clock = new ScenarioClock(scenario.start());
            InMemoryCustomers customers = new InMemoryCustomers(clock, KEEP_ALL);
            String customerId = setUp(scenario, customers);
            Journey journey = new Journey();
            for (int i = 0; i < scenario.steps().size(); i++) {
                Scenario.Step step = scenario.steps().get(i);
                // YAML reads "+0" as the number 0: show offsets the way testers write them.
                String label = step.name() != null ? step.name()
                        : "step " + (i + 1) + " at +" + (step.at() == null ? "0" : step.at().replaceFirst("^\\+", ""));
                results.add(runStep(scenario, i, label, step, customerId, customers, journey, clock, ruleset));
            }
        } catch (IllegalArgumentException | ProblemException e) {
            results.add(new ScenarioResult.StepResult("scenario file", false, null, null, e.getMessage()));
        }
        return new ScenarioResult(scenario.name(), file, results.stream().allMatch(ScenarioResult.StepResult::passed), results);
    }

    private static void check(Scenario scenario) {
        if (scenario.name() == null || scenario.name().isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        if (scenario.start() == null) {
            throw new IllegalArgumentException("scenario '" + scenario.name() + "' needs a start time, such as 2026-03-02T09:00:00Z");
        }
        if (scenario.steps() == null || scenario.steps().isEmpty()) {
            throw new IllegalArgumentException("scenario '" + scenario.name() + "' has no steps");
        }
    }

    /** Creates the scenario's customer from what it says about them; returns the customer's id. */
    private static String setUp(Scenario scenario, InMemoryCustomers customers) {
        Scenario.ScenarioCustomer given = scenario.customer();
        String id = given == null || given.id() == null ? "scenario-customer" : given.id();
        if (given == null) {
            return id;
        }
        Profile profile = customers.customer(id);
        if (given.traits() != null) {
            profile.traits.putAll(given.traits());
        }
        if (given.consent() != null) {
            given.consent().forEach((channel, status) -> {
                if (!ConsentEntry.STATUSES.contains(status)) {
                    throw new IllegalArgumentException("consent for " + channel + " must be one of " + ConsentEntry.STATUSES);
                }
                profile.consent.put(channel, new ConsentEntry(status, "scenario", scenario.start()));
            });
        }
        if (given.preferredChannels() != null) {
            profile.preferredChannels = new ArrayList<>(given.preferredChannels());
        }
        if (given.identities() != null) {
            given.identities().forEach(identity -> customers.link(identity, id));
        }
        return id;
    }

    /** The decisions made so far and what was done with them: the interaction history of the run. */
    private static final class Journey implements ResponseCounts {
        private final List<DecideResponse> decisions = new ArrayList<>();
        private final Map<String, List<Interactions.Interaction>> byCustomer = new HashMap<>();
        private final Set<String> recorded = new HashSet<>();
        private final Map<String, long[]> counts = new HashMap<>();
        private final Set<String> succeeded = new HashSet<>();

        @Override
        public Counts of(String actionId, String channel, String segment) {
            long[] c = counts.getOrDefault(actionId + "|" + channel + "|" + segment, new long[2]);
            return new Counts(c[0], c[1]);
        }

        Interactions of(String customerId, Instant now) {
            return new Interactions(byCustomer.getOrDefault(customerId, List.of()), now);
        }

        /** As the service does: a decision sent by e-mail, SMS or push counts as an impression. */
        void decided(DecideResponse decision, Instant now) {
            decisions.add(decision);
            decision.sentActions().forEach(a -> record(decision, a, "impression", a.channel(), now));
        }

        /** Records a response to the latest decision that returned the action; false if none did. */
        boolean respond(Scenario.RespondStep response, Instant now) {
            for (int i = decisions.size() - 1; i >= 0; i--) {
                DecideResponse decision = decisions.get(i);
                for (ActionResult action : decision.actions()) {
                    if (action.actionId().equals(response.action())) {
                        record(decision, action, response.outcome(), response.channel() == null ? action.channel() : response.channel(), now);
                        return true;
                    }
                }
            }
            return false;
        }

        private void record(DecideResponse decision, ActionResult action, String outcome, String channel, Instant at) {
            // One row per decision, action and outcome, as in the service: a repeated response counts once.
            if (recorded.add(decision.decisionId() + "|" + action.actionId() + "|" + outcome)) {
                byCustomer.computeIfAbsent(decision.customerId(), id -> new ArrayList<>())
                        .add(new Interactions.Interaction(action.actionId(), channel, action.category(), outcome, at));
                long[] c = counts.computeIfAbsent(action.actionId() + "|" + channel + "|" + decision.lifecycleStage(), k -> new long[2]);
                // A decision's action succeeds once, however many positive outcomes follow (click, then convert).
                boolean firstPositive = ResponseService.POSITIVE.contains(outcome)
                        && succeeded.add(decision.decisionId() + "|" + action.actionId());
                c[0] += outcome.equals("impression") ? 1 : 0;
                c[1] += firstPositive ? 1 : 0;
            }
        }
    }

    private ScenarioResult.StepResult runStep(Scenario scenario, int index, String label, Scenario.Step step, String customerId,
            InMemoryCustomers customers, Journey journey, ScenarioClock clock, Ruleset ruleset) {
        Instant now = scenario.start().plus(Offsets.parse(step.at()));
        clock.set(now);
        if (step.events() != null) {
            IngestResult ingested = customers.ingest(JsonColumns.MAPPER.valueToTree(withDefaults(scenario, index, step.events(), customerId, now)));
            if (ingested.rejected() > 0) {
                return new ScenarioResult.StepResult(label, false, null, null, "events rejected: " + ingested.errors().stream()
                        .map(e -> "event " + (e.index() + 1) + ": " + e.reason()).collect(Collectors.joining("; ")));
            }
        }
        if (step.respond() != null) {
            for (Scenario.RespondStep response : step.respond()) {
                if (!ResponseService.OUTCOMES.contains(response.outcome())) {
                    return new ScenarioResult.StepResult(label, false, null, null, "respond: outcome must be one of " + ResponseService.OUTCOMES);
                }
                if (!journey.respond(response, now)) {
                    return new ScenarioResult.StepResult(label, false, null, null,
                            "respond: no earlier decision of this scenario returned " + response.action());
                }
            }
        }
        DecideResponse decision = null;
        if (step.decide() != null) {
            Scenario.DecideStep d = step.decide();
            DecideRequest request = new DecideRequest(d.identity() == null && d.customerId() == null ? customerId : d.customerId(),
                    d.identity(), d.channel(), d.placement(), d.locale(), d.limit(), null);
            Profile profile = request.customerId() != null ? customers.find(request.customerId()).orElse(null)
                    : customers.findByIdentity(request.identity()).orElse(null);
            RecentActivity activity = profile == null ? RecentActivity.NONE : customers.activity(profile.customerId, now);
            Interactions history = profile == null ? Interactions.NONE : journey.of(profile.customerId, now);
            decision = decider.decide(ruleset, request, profile, activity, history, journey, now);
            journey.decided(decision, now);
        }
        return check(label, step.expect(), decision, customers, customerId, now, ruleset);
    }

    /** Fills what a tester may leave out of an event: its id, the customer and the step's time. */
    private static List<ObjectNode> withDefaults(Scenario scenario, int stepIndex, List<ObjectNode> events, String customerId, Instant now) {
        List<ObjectNode> filled = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ObjectNode event = events.get(i).deepCopy();
            if (!event.has("id")) {
                event.put("id", scenario.name() + "/" + (stepIndex + 1) + "/" + (i + 1));
            }
            if (!event.has("customerId") && !event.has("identity")) {
                event.put("customerId", customerId);
            }
            if (!event.has("occurredAt")) {
                event.put("occurredAt", now.toString());
            }
            filled.add(event);
        }
        return filled;
    }

    private ScenarioResult.StepResult check(String label, Scenario.Expectations expect, DecideResponse decision,
            InMemoryCustomers customers, String customerId, Instant now, Ruleset ruleset) {
        if (expect == null) {
            return new ScenarioResult.StepResult(label, true, null, null, null, decided(decision));
        }
        Profile profile = customers.find(customerId).orElse(null);
        Customer placed = profile == null ? null : decider.segment(ruleset, profile, customers.activity(customerId, now), now);
        String stage = decision != null ? decision.lifecycleStage() : placed == null ? "prospect" : placed.getLifecycleStage();
        List<String> segments = decision != null ? decision.segments() : placed == null ? List.of() : placed.segmentList();
        Map<String, Object> actual = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        compare(failures, actual, "lifecycleStage", expect.lifecycleStage(), stage);
        contains(failures, actual, "segmentsInclude", expect.segmentsInclude(), segments, true);
        contains(failures, actual, "segmentsExclude", expect.segmentsExclude(), segments, false);
        boolean needsDecision = expect.topAction() != null || expect.topChannel() != null || expect.actionsInclude() != null
                || expect.actionsExclude() != null || expect.noActions() != null || expect.messageContains() != null
                || expect.suppressed() != null;
        if (needsDecision && decision == null) {
            failures.add("this step expects a decision but has no decide");
        } else if (decision != null) {
            List<String> actions = decision.actions().stream().map(ActionResult::actionId).toList();
            ActionResult top = decision.actions().isEmpty() ? null : decision.actions().get(0);
            compare(failures, actual, "topAction", expect.topAction(), top == null ? null : top.actionId());
            compare(failures, actual, "topChannel", expect.topChannel(), top == null ? null : top.channel());
            contains(failures, actual, "actionsInclude", expect.actionsInclude(), actions, true);
            contains(failures, actual, "actionsExclude", expect.actionsExclude(), actions, false);
            compare(failures, actual, "noActions", expect.noActions(), expect.noActions() == null ? null : actions.isEmpty());
            if (expect.messageContains() != null) {
                String text = top == null ? "" : String.join(" | ", nonNull(top.message().subject(), top.message().title(),
                        top.message().body(), top.message().cta()));
                actual.put("message", text);
                if (!text.contains(expect.messageContains())) {
                    failures.add("the top message does not contain '" + expect.messageContains() + "'");
                }
            }
            if (expect.suppressed() != null) {
                actual.put("suppressed", decision.suppressed().stream().map(s -> s.actionId() + ": " + s.reason()).distinct().toList());
                for (Scenario.SuppressedExpectation s : expect.suppressed()) {
                    boolean found = decision.suppressed().stream().anyMatch(x -> x.actionId().equals(s.action())
                            && (s.reasonContains() == null || x.reason().contains(s.reasonContains())));
                    if (!found) {
                        failures.add(s.action() + " was not suppressed" + (s.reasonContains() == null ? "" : " for '" + s.reasonContains() + "'"));
                    }
                }
            }
        }
        if (expect.profile() != null) {
            checkProfile(failures, actual, expect.profile(), profile, customers, now, placed);
        }
        String explanation = failures.isEmpty() ? null : String.join("; ", failures) + (decision == null ? "" : ". " + explain(decision));
        return new ScenarioResult.StepResult(label, failures.isEmpty(), expect, actual, explanation, decided(decision));
    }

    private static void checkProfile(List<String> failures, Map<String, Object> actual, Map<String, Object> expected, Profile profile,
            InMemoryCustomers customers, Instant now, Customer placed) {
        if (profile == null) {
            failures.add("no profile exists for the scenario's customer");
            return;
        }
        JsonNode view = JsonColumns.MAPPER.valueToTree(ProfileView.of(profile, List.of(), customers.activity(profile.customerId, now), placed));
        Map<String, Object> seen = new LinkedHashMap<>();
        expected.forEach((path, value) -> {
            JsonNode node = view;
            for (String part : path.split("\\.")) {
                node = node.isArray() && part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
            }
            JsonNode want = JsonColumns.MAPPER.valueToTree(value);
            seen.put(path, node.isMissingNode() ? null : node);
            boolean same = want.isNumber() && node.isNumber() ? want.decimalValue().compareTo(node.decimalValue()) == 0 : want.equals(node);
            if (!same) {
                failures.add("profile " + path + " expected " + want + ", was " + (node.isMissingNode() ? "missing" : node));
            }
        });
        actual.put("profile", seen);
    }

    private static void compare(List<String> failures, Map<String, Object> actual, String field, Object expected, Object value) {
        if (expected == null) {
            return;
        }
        actual.put(field, value);
        if (!Objects.equals(expected, value)) {
            failures.add(field + " expected " + expected + ", was " + value);
        }
    }

    private static void contains(List<String> failures, Map<String, Object> actual, String field, List<String> expected,
            List<String> values, boolean include) {
        if (expected == null) {
            return;
        }
        actual.put(field, values);
        for (String value : expected) {
            if (values.contains(value) != include) {
                failures.add((include ? "missing " : "unexpected ") + value + " in " + values);
            }
        }
    }

    private static ScenarioResult.Decided decided(DecideResponse decision) {
        if (decision == null) {
            return null;
        }
        ActionResult top = decision.actions().isEmpty() ? null : decision.actions().get(0);
        return new ScenarioResult.Decided(top == null ? null : top.actionId(), top == null ? null : top.channel(),
                decision.lifecycleStage(), decision.segments());
    }

    /** The decision in one paragraph: what was chosen and by which rows, what was held back and why. */
    static String explain(DecideResponse decision) {
        String chosen = decision.actions().stream().map(a -> a.actionId() + " on " + a.channel() + " (score " + a.score() + "; "
                + a.reasons().stream().map(r -> r.source()).collect(Collectors.joining(", ")) + ")").collect(Collectors.joining("; "));
        String held = decision.suppressed().stream().map(ScenarioRunner::why).distinct().collect(Collectors.joining("; "));
        return "Decision on " + decision.channel() + " with ruleset " + decision.rulesetVersion() + ": lifecycle " + decision.lifecycleStage()
                + ", segments " + decision.segments() + "; chose " + (chosen.isEmpty() ? "nothing" : chosen)
                + (held.isEmpty() ? "" : "; held back " + held);
    }

    private static String why(SuppressedAction s) {
        return s.actionId() + (s.channel() == null ? "" : " on " + s.channel()) + " (" + s.reason()
                + (s.rule() == null ? "" : ", " + s.rule().source()) + ")";
    }

    private static List<String> nonNull(String... texts) {
        List<String> list = new ArrayList<>();
        for (String text : texts) {
            if (text != null) {
                list.add(text);
            }
        }
        return list;
    }
}
