package io.omnidecide.ruleset;

/**
 * The limits that keep a DMN model's evaluation provably small (docs/rulesets.md, "DMN models:
 * what FEEL may say"). With no recursion, loops only over literal lists and ranges, and calls
 * counted where they happen, the work of one evaluation of a model is bounded before it runs.
 */
final class DmnBounds {

    /** Characters of one FEEL text (a cell, a literal expression). */
    static final int MAX_TEXT_LENGTH = 10_000;
    /** Depth of a FEEL text's brackets and of its syntax tree; deeper texts could exhaust a thread's stack in the parser or engine. */
    static final int MAX_NESTING = 64;
    /** Characters of a string literal. */
    static final int MAX_STRING_LITERAL = 1_000;
    /** Items of a list literal, entries of a context, rows of a relation, items of a boxed list. */
    static final int MAX_LIST_LITERAL = 1_000;
    /**
     * Evaluations of loop bodies ({@code for}, {@code some}, {@code every}) in one evaluation of a
     * model, counted through every call: nested loops multiply, a loop in a function called 10
     * times counts 10 times.
     */
    static final long MAX_ITERATIONS = 1_000;
    /**
     * Expression evaluations (syntax-tree nodes and boxed expressions) in one evaluation of a model,
     * counted the same way. Measured on a loaded 2-core machine, interpreted FEEL takes 1 to 5 µs an
     * expression, so a model at this bound evaluates in tens of milliseconds: a small part of a decide's 2 s.
     */
    static final long MAX_STEPS = 20_000;
    /**
     * What one call of a function counts as, on top of its body: the engine sets up a scope for each
     * call, and a business knowledge model's call measured 20 to 150 µs, as much as 20 to 30 expressions.
     */
    static final long CALL_STEPS = 20;
    /**
     * How many times larger than its largest input or literal a value the model builds may be
     * ({@link DmnSize}): without it, {@code b: a + a, c: b + b, ...} doubles a string 40 times within
     * every other bound. With literals of 1,000 characters, values stay under 100,000 characters
     * but for what the customer sends.
     */
    static final long MAX_SIZE_FACTOR = 100;
    /** Nesting of XML elements in a model. */
    static final int MAX_XML_DEPTH = 64;

    private DmnBounds() {
    }
}
