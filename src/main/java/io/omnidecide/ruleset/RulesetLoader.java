package io.omnidecide.ruleset;

import io.omnidecide.OmnidecideConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Builds the ruleset from the analysts' folders at startup. A ruleset that does not build stops
 * the start with every problem listed by file, sheet, cell or line: serving without rules, or
 * with rules other than the files say, would be worse.
 */
@ApplicationScoped
public class RulesetLoader {

    private static final Logger LOG = Logger.getLogger(RulesetLoader.class);

    private final RulesetHolder holder;
    private final OmnidecideConfig config;
    private final Clock clock;

    public RulesetLoader(RulesetHolder holder, OmnidecideConfig config, Clock clock) {
        this.holder = holder;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        Path rules = Path.of(config.ruleset().rulesDir());
        Path tables = Path.of(config.ruleset().tablesDir());
        Ruleset ruleset = new RulesetCompiler(clock).compile(RulesetFolders.read(rules, tables));
        holder.swap(ruleset);
        LOG.infof("Ruleset %s loaded: %d rules from %d files in %s and %s", ruleset.version(), ruleset.sources().size(),
                ruleset.files().size(), rules.toAbsolutePath().normalize(), tables.toAbsolutePath().normalize());
    }
}
