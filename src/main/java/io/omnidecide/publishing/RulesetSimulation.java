package io.omnidecide.publishing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A simulation someone ran of a draft against the version serving then: what publish's approval rests on. */
@Entity
@Table(name = "ruleset_simulation")
public class RulesetSimulation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ruleset_simulation_id")
    @SequenceGenerator(name = "ruleset_simulation_id", sequenceName = "ruleset_simulation_id_seq", allocationSize = 1)
    public Long id;

    @Column(name = "ruleset_id")
    public Long rulesetId;

    /** The version serving when it ran: the one the draft was compared with. */
    @Column(name = "base_id")
    public Long baseId;

    public String actor;

    public Instant at;

    /** Whether the scenario suite ran; a simulation without it proves nothing about the journeys. */
    @Column(name = "scenarios_run")
    public boolean scenariosRun;

    @Column(name = "scenarios_failing")
    public int scenariosFailing;

    /** What it showed, in one line: scenarios, decisions, files. */
    public String summary;

    static Optional<RulesetSimulation> latestOf(long rulesetId) {
        return RulesetSimulation.<RulesetSimulation>find("rulesetId", Sort.descending("id"), rulesetId).firstResultOptional();
    }
}
