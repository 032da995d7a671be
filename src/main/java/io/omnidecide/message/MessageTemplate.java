package io.omnidecide.message;

import io.omnidecide.facts.Customer;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of analysts' copy from the customer: {@code {firstName}}, or
 * {@code {firstName|there}} with a fallback when the value is unknown. Plain substitution from a
 * fixed list of names, never an expression language: copy is edited at run time.
 */
public final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(?:\\|([^}]*))?}");

    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    /** Every placeholder copy may use, and where its value comes from (docs/messages.md). */
    private static final Map<String, Function<Customer, String>> VALUES = Map.of(
            "firstName", Customer::getFirstName,
            "customerId", c -> c.isKnown() ? c.getCustomerId() : null,
            "cartItemName", Customer::getCartItemName,
            "cartItemSku", Customer::getCartItemSku,
            "cartItemCount", c -> c.getCartItemCount() == 0 ? null : Integer.toString(c.getCartItemCount()),
            "cartValue", c -> c.getCartValue() == 0 ? null : new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(c.getCartValue()),
            "recommendedName", Customer::getRecommendedName,
            "recommendedSku", Customer::getRecommendedSku);

    public static final Set<String> NAMES = new TreeSet<>(VALUES.keySet());

    private MessageTemplate() {
    }

    public static String render(String template, Customer customer) {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Function<Customer, String> source = VALUES.get(m.group(1));
            String value = source == null ? null : source.apply(customer);
            String replacement = value != null && !value.isBlank() ? value : m.group(2) == null ? "" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return SPACES.matcher(out).replaceAll(" ").trim();
    }

    /** Placeholder names used in a text that no customer value fills. */
    public static List<String> unknownPlaceholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        List<String> unknown = new java.util.ArrayList<>();
        while (m.find()) {
            if (!VALUES.containsKey(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }
}
