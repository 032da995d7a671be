package io.omnidecide.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's recent interaction history as contact-policy rows read it: how often an action was
 * shown, when it was last dismissed, whether it converted.
 */
public final class Interactions {

    private static final String IMPRESSION = "impression";

    public static final Interactions NONE = new Interactions(List.of(), Instant.EPOCH);

    /** One outcome of one action on one channel. */
    public record Interaction(String actionId, String channel, String category, String outcome, Instant at) {
    }

    @JsonProperty
    private final List<Interaction> history;
    @JsonProperty
    private final Instant now;
    /**
     * The history by outcome and action, and the impressions by category, built once per decide: a
     * contact-policy table asks the same few counts of every candidate, each a walk over a short list.
     */
    private final Map<String, Map<String, List<Interaction>>> byOutcomeAndAction = new HashMap<>();
    private final Map<String, List<Interaction>> impressionsByCategory = new HashMap<>();

    /** Also how a decision's recorded inputs are read back (decision.FactSnapshot). */
    @JsonCreator
    public Interactions(@JsonProperty("history") List<Interaction> history, @JsonProperty("now") Instant now) {
        this.history = List.copyOf(history);
        this.now = now;
        for (Interaction i : this.history) {
            byOutcomeAndAction.computeIfAbsent(i.outcome(), o -> new HashMap<>()).computeIfAbsent(i.actionId(), a -> new ArrayList<>()).add(i);
            if (IMPRESSION.equals(i.outcome()) && i.category() != null) {
                impressionsByCategory.computeIfAbsent(i.category(), c -> new ArrayList<>()).add(i);
            }
        }
    }

    /** This history and an impression of the action on the channel now: what a send already picked in a decision adds. */
    public Interactions withImpression(String actionId, String channel, String category) {
        List<Interaction> more = new ArrayList<>(history);
        more.add(new Interaction(actionId, channel, category, IMPRESSION, now));
        return new Interactions(more, now);
    }

    /** Whether both hold the same interactions, in whatever order they were read. */
    public boolean sameAs(Interactions other) {
        if (history.size() != other.history.size()) {
            return false;
        }
        Map<Interaction, Integer> counts = new HashMap<>();
        history.forEach(i -> counts.merge(i, 1, Integer::sum));
        for (Interaction i : other.history) {
            if (counts.merge(i, -1, Integer::sum) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Impressions of an action in the last {@code days} days, on one channel or (null) any. */
    long impressions(String actionId, String channel, int days) {
        Instant since = now.minus(Duration.ofDays(days));
        long count = 0;
        for (Interaction i : of(IMPRESSION, actionId)) {
            if (!i.at().isBefore(since) && (channel == null || channel.equals(i.channel()))) {
                count++;
            }
        }
        return count;
    }

    /** Impressions of any action of a category (none for no category) in the last {@code days} days. */
    long categoryImpressions(String category, int days) {
        Instant since = now.minus(Duration.ofDays(days));
        long count = 0;
        for (Interaction i : category == null ? List.<Interaction>of() : impressionsByCategory.getOrDefault(category, List.of())) {
            if (!i.at().isBefore(since)) {
                count++;
            }
        }
        return count;
    }

    /** Whole days since the latest interaction of an action with this outcome, if any. */
    Optional<Integer> daysSince(String outcome, String actionId) {
        Instant latest = null;
        for (Interaction i : of(outcome, actionId)) {
            if (latest == null || i.at().isAfter(latest)) {
                latest = i.at();
            }
        }
        return latest == null ? Optional.empty() : Optional.of((int) Duration.between(latest, now).toDays());
    }

    private List<Interaction> of(String outcome, String actionId) {
        return byOutcomeAndAction.getOrDefault(outcome, Map.of()).getOrDefault(actionId, List.of());
    }
}
