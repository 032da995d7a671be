package io.omnidecide.simulation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How much to simulate; every field may be left out. */
public record SimulationRequest(
        @Schema(description = "How many of the latest recorded decisions to decide again (default 500, at most 10000)") Integer decisions,
        @Schema(description = "How many changed customers to show with both explanations (default 5, at most 50)") Integer samples,
        @Schema(description = "Also run the scenario suite (default true)") Boolean scenarios) {

    public static final SimulationRequest DEFAULT = new SimulationRequest(null, null, null);

    int decisionCount() {
        return Math.max(0, Math.min(10_000, decisions == null ? 500 : decisions));
    }

    int sampleCount() {
        return Math.max(0, Math.min(50, samples == null ? 5 : samples));
    }

    boolean runScenarios() {
        return scenarios == null || scenarios;
    }
}
