package io.omnidecide.ruleset;

import io.omnidecide.facts.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every id a rule names against what the ruleset declares, so that a typo is refused at
 * upload instead of matching nothing for ever: {@code cart_abandonr} would be a segment no rule
 * adds, {@code abandoned_cart_remnder} an action the catalog drops without a word.
 *
 * <p>Declared: segments by {@code addSegment}, lifecycle stages by {@code setLifecycleStage},
 * categories by {@code setCategory}, actions by the catalog (a rule on one {@code actionId} that sets
 * its category or channels: the actions table), DMN decisions by the models. Fixed: the eight
 * channels, consent statuses, ISO language codes. A declared segment no condition reads, an action
 * nothing proposes, and DMN reads in a ruleset without any model are warnings.
 */
final class RulesetReferences {

    private static final Pattern COMPARED = Pattern.compile(
            "\\b(segments(?: not)? contains|actionId\\s*[!=]=|category\\s*[!=]=|lifecycleStage\\s*[!=]=|channel\\s*[!=]=|language\\s*[!=]="
                    + "|\\w*[cC]onsent\\s*[!=]=)\\s*\"([^\"\\\\]*)\"");
    private static final Pattern CALLED = Pattern.compile("\\.(propose|addSegment|setCategory|setLifecycleStage|allowChannels)\\(\"([^\"\\\\]*)\"");
    private static final Pattern DMN_READ = Pattern.compile("dmn\\[\"([^\"\\\\]*)\"\\]");
    private static final Pattern CATALOG_ENTRY = Pattern.compile("actionId\\s*==\\s*\"([^\"\\\\]*)\"");
    private static final Set<String> CONSENT = Set.of("granted", "denied", "unknown");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    /** Where an id is named: the rule, and the id's text (for its cell). */
    private record Use(RuleSource rule, String id) {
    }

    private final Map<String, Set<String>> declared = new LinkedHashMap<>();
    private final Map<String, List<Use>> named = new LinkedHashMap<>();
    private final Map<String, List<Use>> declarations = new LinkedHashMap<>();

    private RulesetReferences() {
    }

    /**
     * @param cellOf the cell of a table rule's row holding the text, or null (DRL, DMN)
     */
    static void check(Map<String, RuleSource> rules, Set<String> dmnDecisions, BiFunction<RuleSource, String, String> cellOf,
            List<RulesetProblem> problems, List<RulesetProblem> warnings) {
        RulesetReferences refs = read(rules, dmnDecisions);
        DeclaredIds ids = new DeclaredIds(refs.declared);
        refs.named.forEach((kind, uses) -> uses.forEach(use -> ids.unknown(kind, use.id()).ifPresent(message -> {
            // With no model at all the reads are plainly empty (a set built without its DMN files): worth a look, not a typo.
            boolean noModels = kind.equals("DMN decision") && dmnDecisions.isEmpty();
            (noModels ? warnings : problems).add(located(use, cellOf, noModels ? message + "; so dmn[\"" + use.id() + "\"] is always empty" : message));
        })));
        refs.unused("segment", "no condition reads it (segments contains \"...\"); it only shows in decisions", cellOf, warnings);
        refs.unused("action", "no rule proposes it, so it never goes out", cellOf, warnings);
    }

    /** What the rules declare, and the fixed sets (channels, consent, languages). */
    static DeclaredIds declared(Map<String, RuleSource> rules, Set<String> dmnDecisions) {
        return new DeclaredIds(read(rules, dmnDecisions).declared);
    }

    private static RulesetReferences read(Map<String, RuleSource> rules, Set<String> dmnDecisions) {
        RulesetReferences refs = new RulesetReferences();
        rules.values().forEach(refs::read);
        refs.declared.put("DMN decision", dmnDecisions);
        refs.declared.put("channel", new TreeSet<>(Channel.NAMES));
        refs.declared.put("consent status", CONSENT);
        refs.declared.put("language", LANGUAGES);
        return refs;
    }

    /** "unknown segment 'cart_abandonr': no rule adds it ... (did you mean 'cart_abandoner'?)", for whoever names an id. */
    static String unknownMessage(String kind, String id, Set<String> known) {
        List<String> list = known == LANGUAGES ? List.of("ISO 639 codes such as en, sv, de") : List.copyOf(new TreeSet<>(known));
        return UnknownFieldHint.suggest("unknown " + kind + " '" + id + "': " + source(kind), id, list, "declared " + kind + "s");
    }

    private void read(RuleSource rule) {
        String when = rule.when() == null ? "" : rule.when();
        String then = rule.then() == null ? "" : rule.then();
        Matcher entry = CATALOG_ENTRY.matcher(when);
        boolean catalog = (then.contains(".setCategory(") || then.contains(".allowChannels(")) && entry.find();
        if (catalog) {
            declare("action", entry.group(1), rule);
        }
        for (Matcher m = COMPARED.matcher(when); m.find();) {
            String kind = kindOf(m.group(1));
            if (!(catalog && kind.equals("action"))) {
                name(kind, m.group(2), rule);
            }
        }
        for (Matcher m = DMN_READ.matcher(when + " " + then); m.find();) {
            name("DMN decision", m.group(1), rule);
        }
        for (Matcher m = CALLED.matcher(then); m.find();) {
            switch (m.group(1)) {
                case "propose" -> name("action", m.group(2), rule);
                case "addSegment" -> declare("segment", m.group(2), rule);
                case "setCategory" -> declare("category", m.group(2), rule);
                case "setLifecycleStage" -> declare("lifecycle stage", m.group(2), rule);
                default -> Arrays.stream(m.group(2).split(",")).map(String::trim).forEach(channel -> name("channel", channel, rule));
            }
        }
    }

    private static String kindOf(String comparison) {
        String field = comparison.replaceAll("\\s*(not )?(contains|[!=]=)$", "").trim();
        return switch (field) {
            case "segments" -> "segment";
            case "actionId" -> "action";
            case "lifecycleStage" -> "lifecycle stage";
            case "category", "channel", "language" -> field;
            default -> "consent status";
        };
    }

    private static String source(String kind) {
        return switch (kind) {
            case "segment" -> "no rule adds it (the segments table's Segment column)";
            case "action" -> "the actions table has no row for it";
            case "category" -> "no action has it (the actions table's Category column)";
            case "lifecycle stage" -> "no rule sets it (the lifecycle table)";
            case "DMN decision" -> "no DMN model in decision-tables/ has a decision of that name";
            case "channel" -> "channels are " + String.join(", ", Channel.NAMES);
            case "consent status" -> "consent is granted, denied or unknown";
            default -> "a language is a two-letter ISO 639 code";
        };
    }

    private void declare(String kind, String id, RuleSource rule) {
        declared.computeIfAbsent(kind, k -> new TreeSet<>()).add(id);
        declarations.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Use(rule, id));
    }

    private void name(String kind, String id, RuleSource rule) {
        named.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Use(rule, id));
    }

    private void unused(String kind, String why, BiFunction<RuleSource, String, String> cellOf, List<RulesetProblem> warnings) {
        Set<String> used = new TreeSet<>();
        named.getOrDefault(kind, List.of()).forEach(use -> used.add(use.id()));
        Set<String> warned = new TreeSet<>();
        for (Use declaration : declarations.getOrDefault(kind, List.of())) {
            if (!used.contains(declaration.id()) && warned.add(declaration.id())) {
                warnings.add(located(declaration, cellOf, kind + " '" + declaration.id() + "' is declared but " + why));
            }
        }
    }

    private static RulesetProblem located(Use use, BiFunction<RuleSource, String, String> cellOf, String message) {
        RuleSource rule = use.rule();
        return rule.element() != null ? RulesetProblem.inDmn(rule.file(), rule.element(), rule.row(), rule.line(), message)
                : new RulesetProblem(rule.file(), rule.sheet(), cellOf.apply(rule, use.id()), rule.row(), rule.line(), message);
    }
}
