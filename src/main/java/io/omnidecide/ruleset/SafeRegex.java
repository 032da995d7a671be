package io.omnidecide.ruleset;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which regular expressions a {@code matches} condition may use. Java's matcher backtracks, so a
 * group that repeats something that itself repeats or alternates ({@code (a+)+}, {@code (a|a)*})
 * takes exponential time on a value that almost matches, and a profile's values come from outside.
 * Allowed: literal patterns of star height one (no repeated group holding a repeat or an
 * alternative), without back-references or look-around, at most {@value #MAX_UNBOUNDED} unbounded
 * repeats and bounded ones up to {@value #MAX_BOUND}, at most {@value #MAX_LENGTH} characters.
 * The worst case is then polynomial in the value's length (two unbounded repeats: its square).
 */
final class SafeRegex {

    static final int MAX_LENGTH = 200;
    static final int MAX_UNBOUNDED = 2;
    static final int MAX_BOUND = 100;
    private static final Pattern BOUNDS = Pattern.compile("\\{(\\d{1,4})(,(\\d{0,4}))?}");

    private SafeRegex() {
    }

    /** Why the pattern may not be used, or empty when it may. */
    static Optional<String> refusal(String regex) {
        if (regex.length() > MAX_LENGTH) {
            return Optional.of("the pattern is longer than " + MAX_LENGTH + " characters");
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.of("the pattern is not a valid regular expression: " + e.getDescription());
        }
        Deque<boolean[]> groups = new ArrayDeque<>(); // per open group: {holds a repeat, holds an alternative}
        groups.push(new boolean[2]);
        int unbounded = 0;
        boolean lastWasGroup = false;
        boolean[] closed = new boolean[2];
        for (int i = 0; i < regex.length(); i++) {
            char ch = regex.charAt(i);
            boolean quantifier = ch == '*' || ch == '+' || ch == '?' || ch == '{';
            if (quantifier && i > 0) {
                int end = i;
                if (ch == '{') {
                    var bounds = BOUNDS.matcher(regex).region(i, regex.length());
                    if (!bounds.lookingAt()) {
                        return Optional.of("'{' must be a repeat count such as {2,5}");
                    }
                    String upper = bounds.group(2) == null ? bounds.group(1) : bounds.group(3);
                    if (upper.isEmpty()) {
                        unbounded++;
                    } else if (Integer.parseInt(upper) > MAX_BOUND) {
                        return Optional.of("a repeat count may be at most " + MAX_BOUND);
                    }
                    end = bounds.end() - 1;
                } else if (ch != '?') {
                    unbounded++;
                }
                if (lastWasGroup && ch != '?' && (closed[0] || closed[1])) {
                    return Optional.of("a repeated group holds a repeat or an alternative, which can take exponential time: "
                            + "write the repeat once, as in (ab)+ or [ab]+");
                }
                groups.peek()[0] = true;
                i = end;
                // A lazy or possessive mark belongs to the quantifier just read.
                if (i + 1 < regex.length() && (regex.charAt(i + 1) == '?' || regex.charAt(i + 1) == '+')) {
                    i++;
                }
                lastWasGroup = false;
                continue;
            }
            lastWasGroup = false;
            switch (ch) {
                case '\\' -> {
                    if (i + 1 < regex.length()) {
                        char escaped = regex.charAt(++i);
                        if (Character.isDigit(escaped) || escaped == 'k') {
                            return Optional.of("back-references (\\1, \\k<name>) are not allowed");
                        }
                        if (escaped == 'Q') {
                            return Optional.of("quoting with \\Q...\\E is not allowed: escape each character");
                        }
                    }
                }
                case '[' -> i = endOfClass(regex, i);
                case '(' -> {
                    if (regex.startsWith("(?=", i) || regex.startsWith("(?!", i) || regex.startsWith("(?<=", i) || regex.startsWith("(?<!", i)) {
                        return Optional.of("look-ahead and look-behind are not allowed");
                    }
                    groups.push(new boolean[2]);
                    // (?i), (?:...) and (?<name>...) open a group whose '?' is no repeat.
                    if (regex.startsWith("(?", i)) {
                        i++;
                        while (i + 1 < regex.length() && regex.charAt(i + 1) != ')' && regex.charAt(i + 1) != ':' && regex.charAt(i + 1) != '>') {
                            i++;
                        }
                        if (regex.charAt(i + 1) != ')') {
                            i++;
                        }
                    }
                }
                case ')' -> {
                    closed = groups.size() > 1 ? groups.pop() : new boolean[2];
                    groups.peek()[0] |= closed[0];
                    groups.peek()[1] |= closed[1];
                    lastWasGroup = true;
                }
                case '|' -> groups.peek()[1] = true;
                default -> {
                }
            }
        }
        if (unbounded > MAX_UNBOUNDED) {
            return Optional.of("the pattern has " + unbounded + " unbounded repeats (*, +, {n,}); at most " + MAX_UNBOUNDED + " are allowed");
        }
        return Optional.empty();
    }

    /** The index of the ']' that closes the character class opened at {@code start}. */
    private static int endOfClass(String regex, int start) {
        int depth = 0;
        for (int i = start; i < regex.length(); i++) {
            char ch = regex.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '[') {
                depth++;
            } else if (ch == ']' && i > start + 1 && --depth == 0) {
                return i;
            }
        }
        return regex.length() - 1;
    }
}
