package io.omnidecide.event;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events the service understands. Some belong to one channel, which a sender may leave out. */
public enum EventType {
    PAGE_VIEW(null),
    PRODUCT_VIEW(null),
    SEARCH(null),
    ADD_TO_CART(null),
    REMOVE_FROM_CART(null),
    CHECKOUT_STARTED(null),
    PURCHASE(null),
    RETURN(null),
    APP_SESSION("app"),
    EMAIL_OPEN("email"),
    EMAIL_CLICK("email"),
    PUSH_OPEN("push"),
    SMS_CLICK("sms"),
    SOCIAL_ENGAGEMENT("social"),
    STORE_VISIT("store"),
    STORE_PURCHASE("store"),
    CALL_CENTRE_CONTACT("call_centre"),
    SUPPORT_TICKET_OPENED(null),
    SUPPORT_TICKET_CLOSED(null),
    REVIEW_POSTED(null),
    NEWSLETTER_SUBSCRIBED(null),
    NEWSLETTER_UNSUBSCRIBED(null),
    CONSENT_CHANGED(null),
    IDENTIFY(null);

    public static final List<String> NAMES = Arrays.stream(values()).map(EventType::wireName).toList();

    private final String impliedChannel;

    EventType(String impliedChannel) {
        this.impliedChannel = impliedChannel;
    }

    public String wireName() {
        return name().toLowerCase();
    }

    /** The channel an event of this type always happens on, if any. */
    public Optional<String> impliedChannel() {
        return Optional.ofNullable(impliedChannel);
    }

    public static Optional<EventType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
