package io.omnidecide.facts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The spokes of the wheel: every channel a customer can meet the brand on. */
public enum Channel {
    WEB, APP, EMAIL, SMS, PUSH, SOCIAL, STORE, CALL_CENTRE;

    /** The word for "let the service choose the channel per action", as an outbound campaign asks. */
    public static final String ANY = "any";

    public static final List<String> NAMES = Arrays.stream(values()).map(Channel::wireName).toList();

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<Channel> fromWire(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
    }
}
