package io.omnidecide.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Base of every domain failure answered as RFC 9457 problem+json. Each subclass names one kind
 * of failure with a stable type URI and title; the extensions carry the location a user needs
 * (field, file, sheet, cell).
 */
public abstract class ProblemException extends RuntimeException {

    /** The members RFC 9457 defines: an extension of the same name would print the key twice and a client would read either. */
    private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    protected ProblemException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    protected ProblemException with(String name, Object value) {
        if (MEMBERS.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a member of every problem; name the extension for what it is");
        }
        if (value != null) {
            extensions.put(name, value);
        }
        return this;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem("https://omnidecide.io/problems/" + type, title, status, getMessage(), instance, extensions);
    }
}
