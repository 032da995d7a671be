package io.omnidecide.event;

import static io.omnidecide.event.EventProperty.Kind.CHANNEL;
import static io.omnidecide.event.EventProperty.Kind.CONSENT_STATUS;
import static io.omnidecide.event.EventProperty.Kind.COUNT;
import static io.omnidecide.event.EventProperty.Kind.NUMBER;
import static io.omnidecide.event.EventProperty.Kind.OBJECT;
import static io.omnidecide.event.EventProperty.Kind.ORDER_LINES;
import static io.omnidecide.event.EventProperty.Kind.TEXT;
import static io.omnidecide.event.EventProperty.optional;
import static io.omnidecide.event.EventProperty.required;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The events the service understands: the channel some always happen on (which a sender may leave
 * out), the properties each reads (checked by {@link EventValidator}), and what each changes in the
 * profile. docs/events.md is generated from this ({@link EventReference}).
 */
public enum EventType {
    PAGE_VIEW(null, "counts as engagement on its channel"),
    PRODUCT_VIEW(null, "counts as engagement on its channel"),
    SEARCH(null, "counts as engagement on its channel"),
    ADD_TO_CART(null, "puts the item in the cart (quantities of one SKU add up; the latest add is the cart's newest item)", List.of(
            required("sku", TEXT, "\"SNEAKER-42\"", "the product"),
            optional("name", TEXT, "\"Trail sneaker\"", "its name, for copy such as \"your Trail sneaker is waiting\""),
            optional("category", TEXT, "\"running\"", "its category"),
            optional("price", NUMBER, "89.0", "unit price"),
            optional("quantity", COUNT, "1", "how many (1 when left out)"))),
    REMOVE_FROM_CART(null, "takes the item out of the cart, or only quantity of it", List.of(
            required("sku", TEXT, "\"SNEAKER-42\"", "the product"),
            optional("quantity", COUNT, "1", "how many to take out (all when left out)"))),
    CHECKOUT_STARTED(null, "counts as engagement on its channel"),
    PURCHASE(null, orderEffect(), orderLines()),
    RETURN(null, "lowers the lifetime value by the amount returned (revenue, or price x quantity over the lines)", orderLines()),
    APP_SESSION("app", "counts as an app session (segments read app sessions in the last 30 days)"),
    EMAIL_OPEN("email", "counts as e-mail engagement"),
    EMAIL_CLICK("email", "counts as e-mail engagement"),
    PUSH_OPEN("push", "counts as engagement on push"),
    SMS_CLICK("sms", "counts as engagement on SMS"),
    SOCIAL_ENGAGEMENT("social", "counts as engagement on social"),
    STORE_VISIT("store", "counts as a store visit (segments read visits in the last 30 days)"),
    STORE_PURCHASE("store", orderEffect(), orderLines()),
    CALL_CENTRE_CONTACT("call_centre", "counts as engagement on the call centre"),
    SUPPORT_TICKET_OPENED(null, "adds an open support ticket (service comes before promotion while one is open)"),
    SUPPORT_TICKET_CLOSED(null, "closes one open support ticket"),
    REVIEW_POSTED(null, "counts a review posted"),
    NEWSLETTER_SUBSCRIBED(null, "marks the customer subscribed to the newsletter"),
    NEWSLETTER_UNSUBSCRIBED(null, "marks the customer unsubscribed from the newsletter"),
    CONSENT_CHANGED(null, "sets the customer's consent for properties.channel (a later statement wins over an older event)", List.of(
            required("channel", CHANNEL, "\"push\"", "the channel the consent is for"),
            required("status", CONSENT_STATUS, "\"granted\"", "the customer's answer"),
            optional("source", TEXT, "\"app_prompt\"", "where the customer said so"))),
    IDENTIFY(null, "links identity to customerId (a profile that held the identity alone is merged in, with its cart and history) "
            + "and sets the traits given", List.of(
            optional("traits", OBJECT, "{\"firstName\": \"Ada\"}", "traits to set on the profile")));

    /** Read from every event: where the customer first came from, kept from the earliest event. */
    public static final List<EventProperty> COMMON = List.of(
            optional("campaign", TEXT, "\"spring-retargeting\"", "the campaign that brought the customer (acquisition, from the first event)"),
            optional("utm_campaign", TEXT, "\"spring-retargeting\"", "the same, as a UTM parameter, when campaign is not given"));

    public static final List<String> NAMES = Arrays.stream(values()).map(EventType::wireName).toList();

    private final String impliedChannel;
    private final String effect;
    private final List<EventProperty> properties;

    EventType(String impliedChannel, String effect) {
        this(impliedChannel, effect, List.of());
    }

    EventType(String impliedChannel, String effect, List<EventProperty> properties) {
        this.impliedChannel = impliedChannel;
        this.effect = effect;
        this.properties = properties;
    }

    private static String orderEffect() {
        return "adds an order: orders, lifetime value (revenue, or price x quantity over the lines), first and last purchase, "
                + "purchased SKUs and categories; takes the bought SKUs out of the cart (the whole cart when the order names none)";
    }

    private static List<EventProperty> orderLines() {
        return List.of(
                optional("orderId", TEXT, "\"o-1001\"", "the order"),
                optional("revenue", NUMBER, "129.0", "the order's total; price x quantity over the lines when left out"),
                optional("items", ORDER_LINES, "[{\"sku\": \"SNEAKER-42\", \"price\": 89.0, \"quantity\": 1}]", "the order lines"),
                optional("sku", TEXT, "\"SNEAKER-42\"", "for a one-line order without items: the product"),
                optional("category", TEXT, "\"running\"", "for a one-line order: its category"),
                optional("price", NUMBER, "89.0", "for a one-line order: unit price"),
                optional("quantity", COUNT, "1", "for a one-line order: how many"));
    }

    /** What an event of this type changes in the profile. */
    public String effect() {
        return effect;
    }

    /** The properties this type reads, beyond {@link #COMMON}; any other property is stored and ignored. */
    public List<EventProperty> properties() {
        return properties;
    }

    /** An identify event links an identity to a customer: it needs both. */
    public boolean linksIdentity() {
        return this == IDENTIFY;
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
