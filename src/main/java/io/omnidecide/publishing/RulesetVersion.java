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

/** One version of the analysts' files: a draft, the published one that serves, or a retired one. */
@Entity
@Table(name = "ruleset")
public class RulesetVersion extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String RETIRED = "retired";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ruleset_id")
    @SequenceGenerator(name = "ruleset_id", sequenceName = "ruleset_id_seq", allocationSize = 1)
    public Long id;

    /** Content hash of the files: what every decision made by this version records. */
    public String version;

    public String status;

    public boolean valid;

    /** The problems found when it was built, JSON; empty when valid. */
    public String problems;

    /** What is valid but worth a look, JSON (problems' form). */
    public String warnings;

    /** The version serving when the draft was made: what its files were laid over and what it is compared with. */
    @Column(name = "base_id")
    public Long baseId;

    /** How it came: seed (first start), upload, files (live reload). */
    public String source;

    public String author;

    public String comment;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    /** Retired after having served: a version rollback may bring back. */
    public boolean hasServed() {
        return publishedAt != null;
    }
}
