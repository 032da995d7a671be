package io.omnidecide.publishing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One file of a ruleset version, whole, as the analyst sent it. */
@Entity
@Table(name = "ruleset_file")
@IdClass(RulesetVersionFile.Key.class)
public class RulesetVersionFile extends PanacheEntityBase {

    public record Key(Long rulesetId, String path) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "ruleset_id")
    public Long rulesetId;

    @Id
    public String path;

    public byte[] content;
}
