package io.omnidecide.publishing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who made which version the serving one, how (publish or rollback), when, and why. */
@Entity
@Table(name = "ruleset_audit")
public class RulesetAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ruleset_audit_id")
    @SequenceGenerator(name = "ruleset_audit_id", sequenceName = "ruleset_audit_id_seq", allocationSize = 1)
    public Long id;

    @Column(name = "ruleset_id")
    public Long rulesetId;

    /** publish or rollback. */
    public String action;

    public String actor;

    public String comment;

    /** The version that served before. */
    @Column(name = "replaced_id")
    public Long replacedId;

    public Instant at;

    /** The simulation the publish was approved on: who ran it and what it showed. */
    @Column(name = "simulation_id")
    public Long simulationId;

    @Column(name = "simulated_by")
    public String simulatedBy;

    @Column(name = "simulation_summary")
    public String simulationSummary;

    /** Why a publisher published although scenarios failed in that simulation. */
    @Column(name = "override_reason")
    public String overrideReason;
}
