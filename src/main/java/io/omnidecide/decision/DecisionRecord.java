package io.omnidecide.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The decision log: what was asked, which ruleset answered, and the whole answer with its reasons. */
@Entity
@Table(name = "decision_record")
public class DecisionRecord extends PanacheEntityBase {

    @Id
    @Column(name = "decision_id")
    public String decisionId;

    @Column(name = "customer_id")
    public String customerId;

    public String channel;

    @Column(name = "ruleset_version")
    public String rulesetVersion;

    /** The request as received, JSON. */
    public String request;

    /** The response as sent, JSON. */
    public String response;

    /** The customer fact the rules started from, JSON ({@link FactSnapshot}); replayed by simulations. */
    public String inputs;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
