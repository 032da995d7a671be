package io.omnidecide.publishing.sandbox;

import java.util.List;

/**
 * What a build process is asked to do: build the draft's files, decide once as the service would,
 * and answer with the token. File {@code i} of {@code paths} is stored in the working directory as
 * {@link #stored(int)}: names of our own, so an analyst's file name is never a path on disk. The
 * token is known only to the service and the harness, so output written by the draft's own code
 * cannot pass for a verdict.
 */
public record SandboxJob(String token, List<String> paths, String defaultLanguage, int maxLimit, long timeLimitMillis) {

    public static String stored(int index) {
        return "draft/" + index;
    }
}
