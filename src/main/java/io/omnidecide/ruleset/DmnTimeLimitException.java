package io.omnidecide.ruleset;

/** The decide's time ran out while (or before) a DMN model was evaluated; the decide answers as for rules that run too long. */
public class DmnTimeLimitException extends RuntimeException {

    private final String file;

    DmnTimeLimitException(String file) {
        super("the DMN model " + file + " was evaluated past the decide's deadline");
        this.file = file;
    }

    public String file() {
        return file;
    }
}
