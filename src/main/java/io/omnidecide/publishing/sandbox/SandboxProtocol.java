package io.omnidecide.publishing.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the service and a build process say to each other: one line of JSON job on the child's
 * standard input, one verdict line on its standard output, "TOKEN {json}". Anything else the
 * child prints (libraries, or the draft's own code) is ignored.
 */
final class SandboxProtocol {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxProtocol() {
    }

    static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String jobLine(SandboxJob job) {
        return write(job);
    }

    static SandboxJob readJob(String line) throws JsonProcessingException {
        return JSON.readValue(line, SandboxJob.class);
    }

    static String verdictLine(String token, SandboxVerdict verdict) {
        return token + " " + write(verdict);
    }

    /** The verdict in a child's output, if it gave one with this token. */
    static Optional<SandboxVerdict> findVerdict(String token, String output) {
        String prefix = token + " ";
        return output.lines().filter(line -> line.startsWith(prefix)).reduce((first, second) -> second).flatMap(line -> {
            try {
                return Optional.of(JSON.readValue(line.substring(prefix.length()), SandboxVerdict.class));
            } catch (JsonProcessingException e) {
                // Cut off, or not the harness's: no verdict, and the exit code tells what happened.
                return Optional.empty();
            }
        });
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
