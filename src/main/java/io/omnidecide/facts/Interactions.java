package io.omnidecide.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A customer's recent interaction history as contact-policy rows read it: how often an action was
 * shown, when it was last dismissed, whether it converted.
 */
public final class Interactions {

    public static final Interactions NONE = new Interactions(List.of(), Instant.EPOCH);

    /** One outcome of one action on one channel. */
    public record Interaction(String actionId, String channel, String category, String outcome, Instant at) {
    }

    @JsonProperty
    private final List<Interaction> history;
    @JsonProperty
    private final Instant now;

    /** Also how a decision's recorded inputs are read back (decision.FactSnapshot). */
    @JsonCreator
    public Interactions(@JsonProperty("history") List<Interaction> history, @JsonProperty("now") Instant now) {
        this.history = List.copyOf(history);
        this.now = now;
    }

    /** Interactions with this outcome in the last {@code days} days that match. */
    long count(String outcome, int days, Predicate<Interaction> which) {
        Instant since = now.minus(Duration.ofDays(days));
        return history.stream().filter(i -> i.outcome().equals(outcome) && !i.at().isBefore(since) && which.test(i)).count();
    }

    /** Whole days since the latest interaction with this outcome that matches, if any. */
    Optional<Integer> daysSince(String outcome, Predicate<Interaction> which) {
        return history.stream().filter(i -> i.outcome().equals(outcome) && which.test(i)).map(Interaction::at)
                .max(Instant::compareTo).map(at -> (int) Duration.between(at, now).toDays());
    }
}
