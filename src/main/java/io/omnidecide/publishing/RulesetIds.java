package io.omnidecide.publishing;

/** Ruleset ids in paths: numbers; anything else names no ruleset. */
final class RulesetIds {

    private RulesetIds() {
    }

    static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new UnknownRulesetException(id);
        }
    }
}
