package io.omnidecide.profile;

import java.util.Locale;
import java.util.regex.Pattern;

/** A reference to a customer by one of their identifiers: {"type": "email", "value": "ada@example.com"}. */
public record IdentityRef(String type, String value) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    /** Why this identity is unusable, or null when it is fine. */
    public String problem() {
        if (type == null || !TYPE.matcher(type).matches()) {
            return "identity.type must be a lower-case word such as email, phone, device, cookie or loyalty";
        }
        if (value == null || value.isBlank() || value.length() > 320) {
            return "identity.value must be a non-empty string of at most 320 characters";
        }
        return null;
    }

    /** E-mail addresses match whatever their case; all values ignore surrounding spaces. */
    public IdentityRef normalised() {
        String v = value.trim();
        return new IdentityRef(type, type.equals("email") ? v.toLowerCase(Locale.ROOT) : v);
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
