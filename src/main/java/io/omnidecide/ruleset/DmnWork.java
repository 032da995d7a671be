package io.omnidecide.ruleset;

import java.util.HashMap;
import java.util.Map;

/**
 * An upper bound on the work of evaluating an expression once: loop-body evaluations, expression
 * evaluations, and how many times it calls each function of the model (whose own work is added once
 * the call graph is known to have no cycle). Counts saturate instead of overflowing.
 */
record DmnWork(long iterations, long steps, Map<String, Long> calls) {

    /** Far above every bound, far below overflow when multiplied by another bound. */
    private static final long CAP = 1L << 40;

    static final DmnWork NONE = new DmnWork(0, 0, Map.of());

    DmnWork {
        calls = Map.copyOf(calls);
    }

    static DmnWork step() {
        return new DmnWork(0, 1, Map.of());
    }

    static DmnWork call(String function) {
        return new DmnWork(0, DmnBounds.CALL_STEPS, Map.of(function, 1L));
    }

    DmnWork plus(DmnWork other) {
        Map<String, Long> sum = new HashMap<>(calls);
        other.calls.forEach((f, n) -> sum.merge(f, n, DmnWork::add));
        return new DmnWork(add(iterations, other.iterations), add(steps, other.steps), sum);
    }

    /** This work done {@code times} times, as by a loop over that many items: each time is also one iteration. */
    DmnWork looped(long times) {
        Map<String, Long> repeated = new HashMap<>();
        calls.forEach((f, n) -> repeated.put(f, multiply(n, times)));
        return new DmnWork(add(times, multiply(iterations, times)), multiply(steps, times), repeated);
    }

    /** This work with each call replaced by the work of the function called, given the full work of each function. */
    DmnWork resolve(Map<String, DmnWork> functions) {
        long i = iterations;
        long s = steps;
        for (Map.Entry<String, Long> call : calls.entrySet()) {
            DmnWork callee = functions.getOrDefault(call.getKey(), NONE);
            i = add(i, multiply(callee.iterations, call.getValue()));
            s = add(s, multiply(callee.steps, call.getValue()));
        }
        return new DmnWork(i, s, Map.of());
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long multiply(long a, long b) {
        return a == 0 || b == 0 ? 0 : a > CAP / b ? CAP : Math.min(CAP, a * b);
    }
}
