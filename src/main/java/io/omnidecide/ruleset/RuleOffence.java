package io.omnidecide.ruleset;

/**
 * One thing a rule may not say: the text to find in a table's cells, the line within the checked
 * piece (1 = its first line), and why.
 */
record RuleOffence(String token, int line, String message) {
}
