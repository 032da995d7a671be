package io.omnidecide.facts;

/** One thing a rule did to a fact: for example kind "segment", value "vip". */
public final class FactEffect {

    private final String kind;
    private final String value;
    private String rule;

    FactEffect(String kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    public String kind() {
        return kind;
    }

    public String value() {
        return value;
    }

    /** Name of the rule that fired when this effect was recorded. */
    public String rule() {
        return rule;
    }

    void attributeTo(String ruleName) {
        this.rule = ruleName;
    }
}
