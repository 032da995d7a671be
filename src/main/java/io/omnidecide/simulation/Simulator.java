package io.omnidecide.simulation;

import io.omnidecide.OmnidecideConfig;
import io.omnidecide.decision.ActionResult;
import io.omnidecide.decision.DecideRequest;
import io.omnidecide.decision.DecideResponse;
import io.omnidecide.decision.Decider;
import io.omnidecide.decision.DecisionRecord;
import io.omnidecide.decision.FactSnapshot;
import io.omnidecide.decision.MessageContent;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.publishing.RulesetVersion;
import io.omnidecide.response.PropensityStats;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.DeclaredIds;
import io.omnidecide.scenario.ScenarioReader;
import io.omnidecide.scenario.ScenarioReferences;
import io.omnidecide.scenario.ScenarioResult;
import io.omnidecide.scenario.ScenarioRunner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs a candidate ruleset beside the serving one, on the scenario suite and on the inputs recorded
 * with the latest decisions, in memory: nothing is stored, no impression counted, nothing sent.
 * Both sides read the same learned response rates, so only the rules differ.
 */
@ApplicationScoped
public class Simulator {

    private final Decider decider;
    private final ScenarioRunner scenarios;
    private final PropensityStats propensities;
    private final Path scenariosDir;

    public Simulator(OmnidecideConfig config, PropensityStats propensities) {
        this.decider = new Decider(config.decide().defaultLanguage(), config.decide().maxLimit(), config.decide().ruleTimeLimit());
        this.scenarios = new ScenarioRunner(decider);
        this.propensities = propensities;
        this.scenariosDir = Path.of(config.ruleset().scenariosDir());
    }

    public SimulationReport simulate(RulesetVersion serving, Ruleset servingRules, List<RulesetFile> servingFiles,
            RulesetVersion candidate, Ruleset candidateRules, List<RulesetFile> candidateFiles, SimulationRequest request) {
        return new SimulationReport(new SimulationReport.Side(serving.id, serving.version),
                new SimulationReport.Side(candidate.id, candidate.version),
                FileDiff.between(servingFiles, candidateFiles),
                request.runScenarios() ? scenarios(servingRules, candidateRules) : null,
                decisions(servingRules, candidateRules, request));
    }

    private SimulationReport.Scenarios scenarios(Ruleset before, Ruleset after) {
        List<ScenarioReader.Named> suite = Files.isDirectory(scenariosDir) ? ScenarioReader.readFolder(scenariosDir) : List.of();
        int passedBefore = 0;
        int passedAfter = 0;
        int compared = 0;
        List<SimulationReport.StepChange> changes = new ArrayList<>();
        List<String> failingAfter = new ArrayList<>();
        List<String> unknownIds = new ArrayList<>();
        DeclaredIds declared = after.declaredIds();
        for (ScenarioReader.Named scenario : suite) {
            ScenarioResult a = scenarios.run(scenario, before);
            ScenarioResult b = scenarios.run(scenario, after);
            List<String> unknown = scenario.scenario() == null ? List.of() : ScenarioReferences.unknown(scenario.scenario(), declared);
            unknown.forEach(problem -> unknownIds.add(b.file() + ", " + problem));
            // An expectation on an id the draft does not know cannot be trusted to pass: it fails the scenario.
            boolean passedOnDraft = b.passed() && unknown.isEmpty();
            passedBefore += a.passed() ? 1 : 0;
            passedAfter += passedOnDraft ? 1 : 0;
            if (!passedOnDraft) {
                failingAfter.add(b.file() + ": " + b.name());
            }
            for (int s = 0; s < Math.min(a.steps().size(), b.steps().size()); s++) {
                ScenarioResult.Decided x = a.steps().get(s).decision();
                ScenarioResult.Decided y = b.steps().get(s).decision();
                if (x == null || y == null) {
                    continue;
                }
                compared++;
                if (!Objects.equals(x.topAction(), y.topAction()) || !x.segments().equals(y.segments())) {
                    changes.add(new SimulationReport.StepChange(a.name(), a.file(), a.steps().get(s).step(), x.topAction(), y.topAction(),
                            x.segments(), y.segments()));
                }
            }
        }
        return new SimulationReport.Scenarios(suite.size(), passedBefore, passedAfter, compared, changes.size(), changes, failingAfter,
                unknownIds);
    }

    private SimulationReport.Decisions decisions(Ruleset before, Ruleset after, SimulationRequest request) {
        List<DecisionRecord> recent = request.decisionCount() == 0 ? List.of() : QuarkusTransaction.requiringNew().call(() -> DecisionRecord
                .<DecisionRecord>find("inputs is not null", Sort.descending("decidedAt")).page(0, request.decisionCount()).list());
        Map<String, SimulationReport.Counts> actions = new TreeMap<>();
        Map<String, SimulationReport.Counts> segments = new TreeMap<>();
        Map<String, SimulationReport.Counts> stages = new TreeMap<>();
        List<SimulationReport.Sample> samples = new ArrayList<>();
        int topChanged = 0;
        int anyChanged = 0;
        for (DecisionRecord record : recent) {
            DecideRequest asked = read(record.request);
            DecideResponse a = decider.decide(before, asked, FactSnapshot.read(record.inputs), propensities, record.decidedAt);
            DecideResponse b = decider.decide(after, asked, FactSnapshot.read(record.inputs), propensities, record.decidedAt);
            count(actions, a.actions().stream().map(ActionResult::actionId).toList(), b.actions().stream().map(ActionResult::actionId).toList());
            count(segments, a.segments(), b.segments());
            count(stages, listOf(a.lifecycleStage()), listOf(b.lifecycleStage()));
            boolean topDiffers = !Objects.equals(top(a), top(b));
            // Copy is what the customer reads: new text for the same action is a changed decision.
            boolean differs = topDiffers || !actionIds(a).equals(actionIds(b)) || !messages(a).equals(messages(b))
                    || !a.segments().equals(b.segments()) || !Objects.equals(a.lifecycleStage(), b.lifecycleStage());
            topChanged += topDiffers ? 1 : 0;
            anyChanged += differs ? 1 : 0;
            if (differs && samples.size() < request.sampleCount()) {
                samples.add(new SimulationReport.Sample(record.customerId, record.decisionId, a, b));
            }
        }
        return new SimulationReport.Decisions(recent.size(), topChanged, anyChanged, actions, segments, stages, samples);
    }

    private static void count(Map<String, SimulationReport.Counts> counts, List<String> before, List<String> after) {
        tally(counts, before, c -> new SimulationReport.Counts(c.before() + 1, c.after()));
        tally(counts, after, c -> new SimulationReport.Counts(c.before(), c.after() + 1));
    }

    private static void tally(Map<String, SimulationReport.Counts> counts, List<String> keys,
            Function<SimulationReport.Counts, SimulationReport.Counts> add) {
        for (String key : keys) {
            counts.put(key, add.apply(counts.getOrDefault(key, new SimulationReport.Counts(0, 0))));
        }
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static String top(DecideResponse response) {
        return response.actions().isEmpty() ? null : response.actions().get(0).actionId();
    }

    private static List<String> actionIds(DecideResponse response) {
        return response.actions().stream().map(ActionResult::actionId).toList();
    }

    private static List<MessageContent> messages(DecideResponse response) {
        return response.actions().stream().map(ActionResult::message).toList();
    }

    private static DecideRequest read(String json) {
        try {
            return JsonColumns.MAPPER.readValue(json, DecideRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a recorded decide request is not JSON", e);
        }
    }
}
