package io.omnidecide.facts;

import java.util.Arrays;
import java.util.List;

/**
 * The pipeline stages in the order they run. Every rule belongs to exactly one, through its
 * agenda group (AGENDA-GROUP in a table's RuleSet area, agenda-group in DRL).
 */
public enum Stage {
    /** Lifecycle stage, segments and recommendations, on {@link Customer}. */
    SEGMENT("segment"),
    /** Which actions the customer is eligible for, on {@link Customer}. */
    ELIGIBILITY("eligibility"),
    /** Each action's category, priority, value and allowed channels, on {@link Candidate}. */
    CATALOG("catalog"),
    /** Consent and contact policy: what must not be sent, on {@link Candidate}. */
    POLICY("policy"),
    /** The copy for an action on a channel in a language, on {@link Candidate}. */
    MESSAGE("message");

    private final String agendaGroup;

    Stage(String agendaGroup) {
        this.agendaGroup = agendaGroup;
    }

    public String agendaGroup() {
        return agendaGroup;
    }

    public static final List<String> AGENDA_GROUPS = Arrays.stream(values()).map(Stage::agendaGroup).toList();
}
