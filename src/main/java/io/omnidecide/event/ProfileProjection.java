package io.omnidecide.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.profile.CartItem;
import io.omnidecide.profile.ConsentEntry;
import io.omnidecide.profile.Profile;
import io.omnidecide.store.CustomerStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an event teaches the profile: seen times, acquisition, the one cart, purchases and value,
 * support tickets, reviews, newsletter and consent. The profile is always the one that applying
 * the customer's events in event time to an emptied profile gives: a late event is applied as it
 * comes when that is the same ({@link EventOrder}), and a merged identity's history is replayed.
 */
final class ProfileProjection {

    private ProfileProjection() {
    }

    static void apply(Profile profile, EventType type, String channel, Instant at, JsonNode p) {
        seen(profile, channel, at, p);
        switch (type) {
            case ADD_TO_CART -> addToCart(profile, channel, at, p);
            case REMOVE_FROM_CART -> removeFromCart(profile, p);
            case PURCHASE, STORE_PURCHASE -> purchase(profile, at, p);
            case RETURN -> profile.lifetimeValue = profile.lifetimeValue.subtract(amount(p)).max(BigDecimal.ZERO);
            case SUPPORT_TICKET_OPENED -> profile.openSupportTickets++;
            case SUPPORT_TICKET_CLOSED -> profile.openSupportTickets = Math.max(0, profile.openSupportTickets - 1);
            case REVIEW_POSTED -> profile.reviewsPosted++;
            case NEWSLETTER_SUBSCRIBED -> profile.newsletterSubscribed = true;
            case NEWSLETTER_UNSUBSCRIBED -> profile.newsletterSubscribed = false;
            case CONSENT_CHANGED -> consent(profile, at, p);
            case IDENTIFY -> identify(profile, p);
            default -> {
                // Views, sessions, opens and clicks count as engagement, read from the event log.
            }
        }
    }

    static void apply(Profile profile, StoredEvent event) {
        apply(profile, event.type(), event.channel(), event.occurredAt(), event.properties());
    }

    /** Replays a customer's whole history onto the profile, keeping what the customer told us. */
    static void rebuild(Profile profile, List<StoredEvent> historyInEventTime) {
        profile.clearLearned();
        historyInEventTime.forEach(event -> apply(profile, event));
    }

    /**
     * Applies a customer's new events (stored already) to the profile so that it comes out as a
     * replay of the whole history in event time would, at the cost of the new events plus, when
     * some are late, the events after them: a late event is applied as it comes when it commutes
     * with every event after it ({@link EventOrder}); only when one does not is the history replayed.
     */
    static void applyNew(Profile profile, List<StoredEvent> fresh, CustomerStore store) {
        List<StoredEvent> inOrder = fresh.stream().sorted(StoredEvent.EVENT_TIME).toList();
        StoredEvent first = inOrder.get(0);
        if (profile.lastEventAt != null && first.occurredAt().isBefore(profile.lastEventAt) && !commutesWithLater(inOrder, store)) {
            rebuild(profile, store.history(profile.customerId));
            return;
        }
        inOrder.forEach(event -> apply(profile, event));
    }

    /** Whether every late event commutes with the stored events after it; events that touch no order-dependent part need no read. */
    private static boolean commutesWithLater(List<StoredEvent> inOrder, CustomerStore store) {
        List<StoredEvent> late = inOrder.stream().filter(e -> !EventOrder.orderFree(e.type())).toList();
        if (late.isEmpty()) {
            return true;
        }
        Set<String> fresh = inOrder.stream().map(StoredEvent::id).collect(Collectors.toSet());
        List<StoredEvent> later = store.after(late.get(0).customerId(), late.get(0).occurredAt()).stream()
                .filter(e -> !fresh.contains(e.id())).toList();
        for (StoredEvent event : late) {
            for (StoredEvent after : later) {
                if (after.occurredAt().isAfter(event.occurredAt()) && !EventOrder.commute(event, after)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void seen(Profile profile, String channel, Instant at, JsonNode p) {
        if (profile.firstSeen == null || at.isBefore(profile.firstSeen)) {
            profile.firstSeen = at;
            profile.acquisitionChannel = channel;
            profile.acquisitionCampaign = text(p, "campaign", text(p, "utm_campaign", null));
        }
        if (profile.lastSeen == null || at.isAfter(profile.lastSeen)) {
            profile.lastSeen = at;
        }
        profile.lastEventAt = profile.lastSeen;
    }

    private static void addToCart(Profile profile, String channel, Instant at, JsonNode p) {
        String sku = p.get("sku").asText();
        int quantity = p.path("quantity").asInt(1);
        CartItem existing = profile.cart.stream().filter(i -> i.sku().equals(sku)).findFirst().orElse(null);
        profile.cart.remove(existing);
        int total = quantity + (existing == null ? 0 : existing.quantity());
        // The latest add goes last: "the item in your cart" means the one added most recently.
        profile.cart.add(new CartItem(sku, text(p, "name", existing == null ? sku : existing.name()),
                text(p, "category", existing == null ? null : existing.category()),
                p.hasNonNull("price") ? p.get("price").decimalValue() : existing == null ? null : existing.price(),
                total, channel, at));
        profile.lastCartAddAt = at;
    }

    private static void removeFromCart(Profile profile, JsonNode p) {
        String sku = p.get("sku").asText();
        List<CartItem> cart = new ArrayList<>();
        for (CartItem item : profile.cart) {
            if (!item.sku().equals(sku)) {
                cart.add(item);
            } else if (p.hasNonNull("quantity") && item.quantity() > p.get("quantity").asInt()) {
                cart.add(item.withQuantity(item.quantity() - p.get("quantity").asInt()));
            }
        }
        profile.cart = new ArrayList<>(cart);
    }

    private static void purchase(Profile profile, Instant at, JsonNode p) {
        profile.orders++;
        profile.lifetimeValue = profile.lifetimeValue.add(amount(p)).setScale(2, RoundingMode.HALF_UP);
        if (profile.firstPurchaseAt == null || at.isBefore(profile.firstPurchaseAt)) {
            profile.firstPurchaseAt = at;
        }
        if (profile.lastPurchaseAt == null || at.isAfter(profile.lastPurchaseAt)) {
            profile.lastPurchaseAt = at;
        }
        List<JsonNode> lines = lines(p);
        lines.forEach(line -> {
            if (line.hasNonNull("sku")) {
                profile.purchasedSkus.add(line.get("sku").asText());
            }
            if (line.hasNonNull("category")) {
                profile.purchasedCategories.add(line.get("category").asText().toLowerCase());
            }
        });
        List<String> bought = lines.stream().filter(l -> l.hasNonNull("sku")).map(l -> l.get("sku").asText()).toList();
        // An order that does not say what it contained is taken to have checked the whole cart out.
        profile.cart.removeIf(item -> bought.isEmpty() || bought.contains(item.sku()));
    }

    /** The order lines: properties.items, or the properties themselves for a one-line order. */
    private static List<JsonNode> lines(JsonNode p) {
        List<JsonNode> lines = new ArrayList<>();
        if (p.path("items").isArray()) {
            p.get("items").forEach(lines::add);
        } else if (p.hasNonNull("sku")) {
            lines.add(p);
        }
        return lines;
    }

    /** revenue if given, else the sum of price x quantity over the lines. */
    static BigDecimal amount(JsonNode p) {
        if (p.hasNonNull("revenue")) {
            return p.get("revenue").decimalValue();
        }
        return lines(p).stream()
                .map(l -> l.path("price").decimalValue().multiply(BigDecimal.valueOf(l.path("quantity").asInt(1))))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void consent(Profile profile, Instant at, JsonNode p) {
        String channel = p.get("channel").asText();
        ConsentEntry current = profile.consent.get(channel);
        // A consent stated later (by an event or the profile API) wins over an older event replayed.
        if (current == null || current.updatedAt() == null || !at.isBefore(current.updatedAt())) {
            profile.consent.put(channel, new ConsentEntry(p.get("status").asText(), text(p, "source", "event"), at));
        }
    }

    private static void identify(Profile profile, JsonNode p) {
        JsonNode traits = p.path("traits");
        if (traits.isObject()) {
            traits.fields().forEachRemaining(e -> profile.traits.put(e.getKey(),
                    JsonColumns.MAPPER.convertValue(e.getValue(), Object.class)));
        }
    }

    private static String text(JsonNode p, String field, String fallback) {
        JsonNode value = p.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : fallback;
    }
}
