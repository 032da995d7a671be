package io.omnidecide.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One candidate considered (action x channel) with what happened to it, for explain=full. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateView(String actionId, String channel, String category, Double score, String status, List<Reason> rules) {
}
