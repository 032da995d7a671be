package io.omnidecide.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.omnidecide.OmnidecideConfig;
import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Customer;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.profile.Profile;
import io.omnidecide.ruleset.RulesetHolder;
import io.omnidecide.store.DatabaseStore;
import io.omnidecide.store.DecisionLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Answers decide on the database: the decide flow ({@link DecisionFlow}) on the serving ruleset, in
 * one transaction, with its metrics.
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final RulesetHolder rulesets;
    private final DatabaseStore store;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DecisionFlow flow;
    private final DecisionLog decisionLog;
    /** Meters made once per channel, and per channel and action: a look-up by name and tags builds the id on every call. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> actionCounters = new ConcurrentHashMap<>();

    public DecisionService(RulesetHolder rulesets, DatabaseStore store, DecisionLog decisionLog, Clock clock, MeterRegistry meters,
            OmnidecideConfig config) {
        this.rulesets = rulesets;
        this.store = store;
        this.decisionLog = decisionLog;
        this.clock = clock;
        this.meters = meters;
        this.flow = new DecisionFlow(new Decider(config.decide().defaultLanguage(), config.decide().maxLimit(),
                config.decide().ruleTimeLimit()));
    }

    /**
     * The decision as JSON, exactly as the decision log stores it: decided in one transaction, and
     * answered once its record is written (the log batches records of concurrent decides after their
     * transactions, see store.DecisionLog).
     */
    public String decide(DecideRequest request) {
        Timer.Sample sample = Timer.start(meters);
        DecisionFlow.Decision decision = QuarkusTransaction.requiringNew().call(() -> flow.decide(store, rulesets.current(), request, clock));
        decisionLog.awaitWritten(decision.response().decisionId());
        long nanos = sample.stop(timers.computeIfAbsent(request.channel(), channel -> meters.timer("omnidecide.decide", "channel", channel)));
        DecideResponse response = decision.response();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Decision %s on %s with ruleset %s chose %s in %d us", response.decisionId(), response.channel(),
                    response.rulesetVersion(), response.actions().stream().map(a -> a.actionId() + "@" + a.channel()).toList(), nanos / 1000);
        }
        response.actions().forEach(a -> actionCounters.computeIfAbsent(a.channel() + " " + a.actionId(),
                key -> meters.counter("omnidecide.decide.actions", "channel", a.channel(), "action", a.actionId())).increment());
        return decision.json();
    }

    /** The profile's lifecycle stage and segments as the serving rules see them now. */
    public Customer segmentsOf(Profile profile, RecentActivity recent) {
        return flow.decider().segment(rulesets.current(), profile, recent, clock.instant());
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
}
