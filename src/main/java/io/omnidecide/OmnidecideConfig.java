package io.omnidecide;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings under {@code omnidecide.*}; defaults live in application.properties. */
@ConfigMapping(prefix = "omnidecide")
public interface OmnidecideConfig {

    RulesetSettings ruleset();

    EventSettings events();

    DecideSettings decide();

    SecuritySettings security();

    interface SecuritySettings {
        /** Where the first admin key is written when the service starts with no key at all. */
        @WithDefault("data/admin-key")
        String adminKeyFile();

        /** Requests per second a key may make unless it has its own limit. */
        @WithDefault("100")
        int defaultRateLimit();

        /** Largest request body, in bytes, for POST /v1/decide and PUT /v1/profiles. */
        @WithDefault("65536")
        int smallBodyBytes();

        /** Largest request body, in bytes, for POST /v1/events (a batch). */
        @WithDefault("1048576")
        int eventsBodyBytes();
    }

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
