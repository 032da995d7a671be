package io.omnidecide.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which patterns a 'matches' condition may use: none that can backtrack for ever on a value from outside. */
class SafeRegexTest {

    @ParameterizedTest
    @ValueSource(strings = {"(?i).*retarget.*", "[0-9]+", "abc", "(ab)+", "[ab]+c", "(a|b)?c", "a{2,5}", "x{3}", "(?:spring|summer)_sale",
            "[^]a]+", "a\\.b*", "(?<year>\\d{4})-q[1-4]", "a*?b", "[a-z\\]]+"})
    void allows(String regex) {
        assertEquals(Optional.empty(), SafeRegex.refusal(regex), regex);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " ~ ", value = {
            "(a+)+b ~ exponential time",
            "(a|aa)*c ~ exponential time",
            "(a*)*b ~ exponential time",
            "(x+x+)+y ~ exponential time",
            "((a)+)+ ~ exponential time",
            "(a|b){2,50} ~ exponential time",
            "(a*)\\1b ~ back-references",
            "(?<n>a*)\\k<n> ~ back-references",
            "(?=a*)a*b ~ look-ahead",
            "(?<!a)b* ~ look-ahead",
            "\\Q(a+)+\\E ~ quoting",
            ".*a.*b.*c ~ 3 unbounded repeats",
            "a{1,}b{1,}c{1,} ~ 3 unbounded repeats",
            "a{2,500} ~ at most 100",
            "(unclosed ~ not a valid regular expression"})
    void refuses(String regex, String reason) {
        Optional<String> refusal = SafeRegex.refusal(regex);
        assertTrue(refusal.isPresent() && refusal.get().contains(reason), regex + ": " + refusal);
    }

    @Test
    void refusesLongPatterns() {
        assertTrue(SafeRegex.refusal("a".repeat(SafeRegex.MAX_LENGTH + 1)).orElseThrow().contains("longer than"));
    }
}
