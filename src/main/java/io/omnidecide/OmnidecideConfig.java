package io.omnidecide;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings under {@code omnidecide.*}; defaults live in application.properties. */
@ConfigMapping(prefix = "omnidecide")
public interface OmnidecideConfig {

    RulesetSettings ruleset();

    EventSettings events();

    DecideSettings decide();

    interface RulesetSettings {
        /** Folder of DRL rule files. */
        String rulesDir();

        /** Folder of decision tables (.csv, .xlsx, .xls). */
        String tablesDir();
    }

    interface EventSettings {
        /** Most events in one POST /v1/events. */
        @WithDefault("500")
        int maxBatchSize();
    }

    interface DecideSettings {
        /** Copy language when a table has none in the customer's language. */
        @WithDefault("en")
        String defaultLanguage();

        /** Most actions one decide may ask for. */
        @WithDefault("10")
        int maxLimit();
    }
}
