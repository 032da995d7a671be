package io.omnidecide.ruleset;

/**
 * How large an expression's values can be, in thousandths of the largest literal
 * ({@link DmnBounds#MAX_STRING_LITERAL} characters, {@link DmnBounds#MAX_LIST_LITERAL} items): a
 * number, a boolean or a date counts 1 (an item of a list), a string literal its length, an input
 * {@link #UNIT}, as large as a literal can be. {@code value} is the result's size, {@code peak} that
 * of anything built on the way, which needs memory too even when the result is small
 * ({@code string length(b + b)}). Kept apart from {@link DmnWork}: work adds up wherever expressions
 * run, size only where values are joined ({@code +}, concatenate), and {@code a < b} is as small as
 * {@code 1}. Sizes saturate instead of overflowing.
 */
record DmnSize(long value, long peak) {

    /** The largest literal, and an input: a value's factor is its size in these. */
    static final long UNIT = DmnBounds.MAX_STRING_LITERAL;
    /** Far above the bound: a saturated size means "without bound". */
    static final long CAP = 1L << 40;

    /** Nothing built: where sizes are summed from. */
    static final DmnSize NONE = new DmnSize(0, 0);
    /** A number, a boolean, a date, a duration, null. */
    static final DmnSize SCALAR = new DmnSize(1, 1);
    /** A Customer field: whatever the customer sends counts as one literal at its largest. */
    static final DmnSize INPUT = new DmnSize(UNIT, UNIT);
    /** What nothing bounds. */
    static final DmnSize UNBOUNDED = new DmnSize(CAP, CAP);

    static DmnSize string(int length) {
        return new DmnSize(Math.max(1, length), Math.max(1, length));
    }

    /** A scalar computed from values as large as {@code from}. */
    static DmnSize scalar(DmnSize from) {
        return new DmnSize(1, Math.max(1, from.peak));
    }

    /** How many times the largest literal the largest value built is, rounded up. */
    long factor() {
        return peak >= CAP ? CAP : (peak + UNIT - 1) / UNIT;
    }

    /** The two values joined into one. */
    DmnSize plus(DmnSize other) {
        long sum = add(value, other.value);
        return new DmnSize(sum, Math.max(sum, Math.max(peak, other.peak)));
    }

    /** One of the two, whichever is larger (the branches of an if, the items a built-in picks from). */
    DmnSize either(DmnSize other) {
        return new DmnSize(Math.max(value, other.value), Math.max(peak, other.peak));
    }

    /** The value named elsewhere: what it took to build it is counted where it is built. */
    DmnSize read() {
        return new DmnSize(value, value);
    }

    /** This result, with {@code other} built on the way. */
    DmnSize alongside(DmnSize other) {
        return new DmnSize(value, Math.max(peak, other.peak));
    }

    /** {@code times} values of this size joined: a for loop's results. */
    DmnSize times(long times) {
        long product = multiply(value, times);
        return new DmnSize(product, Math.max(product, peak));
    }

    /**
     * A function called with arguments at most as large as {@code arguments}, given this, its body's
     * size with every parameter empty, and {@code perInput}, with every parameter an {@link #INPUT}.
     * Sums and maxima of the parameters' sizes lie under the line through those two points
     * continued, so the call's size is bounded by it.
     */
    DmnSize called(DmnSize perInput, DmnSize arguments) {
        long value = add(this.value, scaled(perInput.value, arguments.value));
        return new DmnSize(value, Math.max(value, Math.max(add(peak, scaled(perInput.peak, arguments.value)), arguments.peak)));
    }

    private static long scaled(long perInput, long size) {
        long product = multiply(perInput, size);
        return product >= CAP ? CAP : (product + UNIT - 1) / UNIT;
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long multiply(long a, long b) {
        return a == 0 || b == 0 ? 0 : a > CAP / b ? CAP : Math.min(CAP, a * b);
    }
}
