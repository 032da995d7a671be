package io.omnidecide.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Big eligibility tables for the benchmarks: one generator for the JMH benchmark and the HTTP
 * performance suite (bench/perf-suite.sh writes one into a tables folder with {@link #main}).
 */
public final class GeneratedTables {

    private GeneratedTables() {
    }

    /** Writes a table of ROWS rows to FILE: {@code GeneratedTables ROWS FILE}. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[1]), eligibility(Integer.parseInt(args[0])), StandardCharsets.UTF_8);
    }

    /** Rows on lifetime value bands: each row a distinct condition, as an analyst's big table would be. */
    public static String eligibility(int rows) {
        StringBuilder csv = new StringBuilder("RuleSet,omnidecide.generated\nImport,io.omnidecide.facts.*\nAGENDA-GROUP,eligibility\n,\n"
                + "RuleTable Generated\nCONDITION,CONDITION,CONDITION,ACTION\n$c : Customer,$c : Customer,$c : Customer,\n"
                + "lifetimeValue >= $param,lifetimeValue < $param,orders >= $param,\"$c.propose(\"\"$param\"\");\"\n"
                + "Value from,Value below,Orders at least,Action\n");
        String[] actions = {"cross_sell", "win_back", "review_request", "store_pickup"};
        for (int i = 0; i < rows; i++) {
            csv.append(i * 5).append(',').append(i * 5 + 5).append(',').append(i % 7).append(',').append(actions[i % actions.length]).append('\n');
        }
        return csv.toString();
    }
}
