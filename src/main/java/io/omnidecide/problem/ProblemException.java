package io.omnidecide.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every domain failure answered as RFC 9457 problem+json. Each subclass names one kind
 * of failure with a stable type URI and title; the extensions carry the location a user needs
 * (field, file, sheet, cell).
 */
public abstract class ProblemException extends RuntimeException {

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
