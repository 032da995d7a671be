package io.omnidecide;

import io.omnidecide.publishing.sandbox.NetworkIsolation;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

        /** Largest request body, in bytes, for POST /v1/scenarios/run: a whole suite in one request. */
        int scenariosBodyBytes();
    }

    interface RulesetSettings {
        /** Folder of DRL rule files. */
        String rulesDir();

        /** Folder of decision tables (.csv, .xlsx, .xls, .dmn). */
        String tablesDir();

        /** Watch the folders: an edited file becomes a draft (live reload). */
        @WithDefault("false")
        boolean watch();

        /** Publish a valid draft made from edited files at once (with watch). */
        @WithDefault("false")
        boolean autoPublish();

        /** How often an instance checks whether another one published; 0 turns it off. */
        @WithDefault("10s")
        Duration syncInterval();

        /**
         * Longest a draft may take to be validated, built and warmed up in the build sandbox (its
         * process is killed then), and a ruleset to be built again in the service.
         */
        @WithDefault("60s")
        Duration buildTimeLimit();

        /** The separate JVM drafts are built in. */
        SandboxSettings sandbox();

        /** Largest file of a ruleset, in bytes, as sent or unzipped. */
        @WithDefault("5242880")
        int maxFileBytes();

        /** Most files in one ruleset. */
        @WithDefault("200")
        int maxFiles();

        /** Largest request body of an upload, in bytes. */
        @WithDefault("20971520")
        int maxUploadBytes();

        /** Four-eyes: the author of a draft may not publish it; another publisher must. */
        @WithDefault("false")
        boolean fourEyes();

        /** Folder of the scenario suite that simulate runs. */
        @WithDefault("scenarios")
        String scenariosDir();
    }

    interface SandboxSettings {
        /** Heap of a build process; a draft that needs more is invalid. */
        @WithDefault("256M")
        MemorySize heap();

        /** auto: a network namespace of its own when the host allows one; required: or no build; off: never. */
        @WithDefault("auto")
        NetworkIsolation networkNamespace();

        /** Keep one build process started ahead, so a draft does not wait for a JVM to start. */
        @WithDefault("true")
        boolean spare();
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

        /** How long the rules of one decide may run; past it the decide answers 503. */
        @WithDefault("2s")
        Duration ruleTimeLimit();
    }
}
