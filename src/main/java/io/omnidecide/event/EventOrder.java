package io.omnidecide.event;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which events' effects on the profile depend on the order they are applied in. Most of the
 * projection is a minimum, a maximum, a sum, a count or a set (first and last seen, orders, value
 * of purchases, purchased items, reviews, sessions), and consent keeps its latest statement by
 * time whatever the order: those commute. What does not: the cart (the latest add goes last,
 * removals and check-outs take out what is in it then), value once a return (floored at zero)
 * is involved, support tickets once a close (floored at zero) is, the newsletter flag and the
 * traits an identify sets (the latest wins). A late event can be applied as it comes unless an
 * event after it, in event time, touches the same order-dependent part in a way that does not
 * commute with it; then the profile is replayed (ProfileProjection#rebuild).
 */
final class EventOrder {

    /** The parts of the profile whose outcome depends on the order of their events. */
    private enum Part { CART, VALUE, TICKETS, NEWSLETTER, TRAITS }

    private EventOrder() {
    }

    /** Whether applying {@code late} before {@code later} gives the same profile as applying it after. */
    static boolean commute(StoredEvent late, StoredEvent later) {
        for (Part part : parts(late.type())) {
            if (parts(later.type()).contains(part) && !commuteWithin(part, late, later)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the event touches any order-dependent part at all: if not, it commutes with every event. */
    static boolean orderFree(EventType type) {
        return parts(type).isEmpty();
    }

    /**
     * Within a part, the pairs that still commute: two check-outs (both only take out of the cart),
     * two purchases in whole cents (their sum is rounded to cents at each step), two openings (counts).
     */
    private static boolean commuteWithin(Part part, StoredEvent a, StoredEvent b) {
        boolean purchases = isPurchase(a.type()) && isPurchase(b.type());
        return switch (part) {
            case CART -> purchases;
            case VALUE -> purchases && inCents(a) && inCents(b);
            case TICKETS -> a.type() == EventType.SUPPORT_TICKET_OPENED && b.type() == EventType.SUPPORT_TICKET_OPENED;
            case NEWSLETTER, TRAITS -> false;
        };
    }

    private static boolean inCents(StoredEvent purchase) {
        return ProfileProjection.amount(purchase.properties()).stripTrailingZeros().scale() <= 2;
    }

    private static boolean isPurchase(EventType type) {
        return type == EventType.PURCHASE || type == EventType.STORE_PURCHASE;
    }

    private static Set<Part> parts(EventType type) {
        return switch (type) {
            case ADD_TO_CART, REMOVE_FROM_CART -> EnumSet.of(Part.CART);
            case PURCHASE, STORE_PURCHASE -> EnumSet.of(Part.CART, Part.VALUE);
            case RETURN -> EnumSet.of(Part.VALUE);
            case SUPPORT_TICKET_OPENED, SUPPORT_TICKET_CLOSED -> EnumSet.of(Part.TICKETS);
            case NEWSLETTER_SUBSCRIBED, NEWSLETTER_UNSUBSCRIBED -> EnumSet.of(Part.NEWSLETTER);
            case IDENTIFY -> EnumSet.of(Part.TRAITS);
            default -> EnumSet.noneOf(Part.class);
        };
    }
}
