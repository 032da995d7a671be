package io.omnidecide.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnidecide.decision.ActionResult;
import io.omnidecide.decision.DecideRequest;
import io.omnidecide.decision.DecideResponse;
import io.omnidecide.decision.Decider;
import io.omnidecide.decision.DecisionFlow;
import io.omnidecide.event.EventIngest;
import io.omnidecide.event.IdentityStitcher;
import io.omnidecide.decision.SuppressedAction;
import io.omnidecide.event.IngestResult;
import io.omnidecide.facts.Customer;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.problem.ProblemException;
import io.omnidecide.profile.ConsentEntry;
import io.omnidecide.profile.Profile;
import io.omnidecide.profile.ProfileView;
import io.omnidecide.response.OutcomeRecorder;
import io.omnidecide.store.LockedProfiles;
import io.omnidecide.store.MemoryStore;
import io.omnidecide.ruleset.Ruleset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final DecisionFlow flow;

    public ScenarioRunner(Decider decider) {
        this.decider = decider;
        this.flow = new DecisionFlow(decider);
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
            MemoryStore customers = new MemoryStore(clock, KEEP_ALL);
            EventIngest ingest = new EventIngest(clock);
            String customerId = setUp(scenario, customers);
            for (int i = 0; i < scenario.steps().size(); i++) {
                Scenario.Step step = scenario.steps().get(i);
                // YAML reads "+0" as the number 0: show offsets the way testers write them.
                String label = "step " + (i + 1) + ": " + (step.name() != null ? step.name()
                        : "at +" + (step.at() == null ? "0" : step.at().replaceFirst("^\\+", "")));
                results.add(runStep(scenario, i, label, step, customerId, customers, ingest, clock, ruleset));
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
    private static String setUp(Scenario scenario, MemoryStore customers) {
        Scenario.ScenarioCustomer given = scenario.customer();
        String id = given == null || given.id() == null ? "scenario-customer" : given.id();
        if (given == null) {
            return id;
        }
        LockedProfiles locked = new LockedProfiles(customers);
        Profile profile = locked.get(id, false);
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
            given.identities().forEach(identity -> IdentityStitcher.link(locked, identity.normalised(), id));
        }
        locked.saveAll();
        return id;
    }

    private ScenarioResult.StepResult runStep(Scenario scenario, int index, String label, Scenario.Step step, String customerId,
            MemoryStore customers, EventIngest ingest, ScenarioClock clock, Ruleset ruleset) {
        Instant now = scenario.start().plus(Offsets.parse(step.at()));
        clock.set(now);
        if (step.events() != null) {
            IngestResult ingested = ingest.ingest(List.copyOf(withDefaults(scenario, index, step.events(), customerId, now)), customers);
            if (ingested.rejected() > 0) {
                return new ScenarioResult.StepResult(label, false, null, null, "events rejected: " + ingested.errors().stream()
                        .map(e -> "event " + (e.index() + 1) + ": " + e.reason()).collect(Collectors.joining("; ")));
            }
        }
        if (step.respond() != null) {
            for (Scenario.RespondStep response : step.respond()) {
                if (!OutcomeRecorder.OUTCOMES.contains(response.outcome())) {
                    return new ScenarioResult.StepResult(label, false, null, null, "respond: outcome must be one of " + OutcomeRecorder.OUTCOMES);
                }
                if (!respond(customers, response, now)) {
                    return new ScenarioResult.StepResult(label, false, null, null,
                            "respond: no earlier decision of this scenario returned " + response.action());
                }
            }
        }
        DecideResponse decision = null;
        if (step.decide() != null) {
            Scenario.DecideStep d = step.decide();
            DecideRequest request = new DecideRequest(d.identity() == null && d.customerId() == null ? customerId : d.customerId(),
                    d.identity(), d.channel(), d.placement(), d.locale(), d.limit(), null, null, d.channels());
            decision = flow.decide(customers, ruleset, request, clock).response();
        }
        return check(label, step.expect(), decision, customers, customerId, now, ruleset);
    }

    /** Records a response to the latest decision of the run that returned the action; false if none did. */
    private static boolean respond(MemoryStore customers, Scenario.RespondStep response, Instant now) {
        List<DecideResponse> decisions = customers.decisions();
        for (int i = decisions.size() - 1; i >= 0; i--) {
            DecideResponse decision = decisions.get(i);
            for (ActionResult action : decision.actions()) {
                if (action.actionId().equals(response.action())) {
                    OutcomeRecorder.record(customers, decision.decisionId(), action.actionId(), response.outcome(), decision.customerId(),
                            response.channel() == null ? action.channel() : response.channel(), action.category(), decision.lifecycleStage(), now);
                    return true;
                }
            }
        }
        return false;
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
            MemoryStore customers, String customerId, Instant now, Ruleset ruleset) {
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
        if (expect.needDecision() && decision == null) {
            failures.add("this step expects a decision but has no decide");
        } else if (decision != null) {
            List<String> actions = decision.actions().stream().map(ActionResult::actionId).toList();
            ActionResult top = decision.actions().isEmpty() ? null : decision.actions().get(0);
            compare(failures, actual, "topAction", expect.topAction(), top == null ? null : top.actionId());
            compare(failures, actual, "topChannel", expect.topChannel(), top == null ? null : top.channel());
            contains(failures, actual, "actionsInclude", expect.actionsInclude(), actions, true);
            contains(failures, actual, "actionsExclude", expect.actionsExclude(), actions, false);
            compare(failures, actual, "noActions", expect.noActions(), expect.noActions() == null ? null : actions.isEmpty());
            checkMessages(failures, actual, expect, decision);
            checkSuppressed(failures, actual, expect, decision);
        }
        if (expect.profile() != null) {
            checkProfile(failures, actual, expect.profile(), profile, customers, now, placed);
        }
        String explanation = failures.isEmpty() ? null : String.join("; ", failures) + (decision == null ? "" : ". " + explain(decision));
        return new ScenarioResult.StepResult(label, failures.isEmpty(), expect, actual, explanation, decided(decision));
    }

    /** messageContains reads the top action's copy; messageNotContains every action's, so nothing returned says it. */
    private static void checkMessages(List<String> failures, Map<String, Object> actual, Scenario.Expectations expect,
            DecideResponse decision) {
        if (expect.messageContains() != null) {
            String text = decision.actions().isEmpty() ? "" : copy(decision.actions().get(0));
            actual.put("message", text);
            if (!text.contains(expect.messageContains())) {
                failures.add("messageContains expected the top message to contain '" + expect.messageContains() + "', was '" + text + "'");
            }
        }
        if (expect.messageNotContains() != null) {
            Map<String, String> texts = new LinkedHashMap<>();
            decision.actions().forEach(a -> texts.put(a.actionId(), copy(a)));
            actual.put("messages", texts);
            texts.forEach((action, text) -> {
                if (text.contains(expect.messageNotContains())) {
                    failures.add("messageNotContains expected no message to contain '" + expect.messageNotContains() + "', was "
                            + action + ": '" + text + "'");
                }
            });
        }
    }

    private static void checkSuppressed(List<String> failures, Map<String, Object> actual, Scenario.Expectations expect,
            DecideResponse decision) {
        if (expect.suppressed() == null && expect.notSuppressed() == null) {
            return;
        }
        List<String> held = decision.suppressed().stream()
                .map(s -> s.actionId() + (s.channel() == null ? "" : " on " + s.channel()) + ": " + s.reason()).distinct().toList();
        actual.put("suppressed", held);
        if (expect.suppressed() != null) {
            for (Scenario.SuppressedExpectation s : expect.suppressed()) {
                if (decision.suppressed().stream().noneMatch(s::matches)) {
                    failures.add("suppressed expected " + s + ", was " + held);
                }
            }
        }
        if (expect.notSuppressed() != null) {
            for (String action : expect.notSuppressed()) {
                List<String> against = held.stream().filter(h -> h.startsWith(action + " on ") || h.startsWith(action + ": ")).toList();
                if (!against.isEmpty()) {
                    failures.add("notSuppressed expected " + action + " not held back, was " + against);
                }
            }
        }
    }

    private static String copy(ActionResult action) {
        return String.join(" | ", nonNull(action.message().subject(), action.message().title(), action.message().body(),
                action.message().cta()));
    }

    private static void checkProfile(List<String> failures, Map<String, Object> actual, Map<String, Object> expected, Profile profile,
            MemoryStore customers, Instant now, Customer placed) {
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
                failures.add(field + " expected " + (include ? "" : "no ") + value + ", was " + values);
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
