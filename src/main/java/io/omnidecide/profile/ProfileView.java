package io.omnidecide.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Customer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GET /v1/profiles/{id}: what the customer told us, what events taught us, and where the rules place them. */
public record ProfileView(String customerId, boolean anonymous, Map<String, Object> traits, List<IdentityRef> identities,
        Map<String, ConsentEntry> consent, List<String> preferredChannels, Cart cart, Metrics metrics, String lifecycleStage,
        List<String> segments, Instant createdAt, Instant updatedAt) {

    /** The view of a profile, given its identities, recent activity and the customer the segment stage placed. */
    public static ProfileView of(Profile p, List<IdentityRef> identities, RecentActivity recent, Customer segmented) {
        BigDecimal cartValue = p.cart.stream().map(CartItem::lineValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal average = p.orders == 0 ? BigDecimal.ZERO : p.lifetimeValue.divide(BigDecimal.valueOf(p.orders), 2, RoundingMode.HALF_UP);
        Metrics metrics = new Metrics(p.orders, p.lifetimeValue, average, p.firstSeen, p.lastSeen, p.firstPurchaseAt, p.lastPurchaseAt,
                p.purchasedSkus, p.purchasedCategories, recent.engagement30d(), p.openSupportTickets, p.reviewsPosted,
                p.newsletterSubscribed, p.acquisitionChannel == null && p.acquisitionCampaign == null ? null
                        : new Acquisition(p.acquisitionChannel, p.acquisitionCampaign));
        Cart cart = new Cart(p.cart, p.cart.stream().mapToInt(CartItem::quantity).sum(), cartValue, p.lastCartAddAt);
        return new ProfileView(p.customerId, p.anonymous, p.traits, identities, p.consent, p.preferredChannels, cart, metrics,
                segmented.getLifecycleStage(), segmented.segmentList(), p.createdAt, p.updatedAt);
    }

    public record Cart(List<CartItem> items, int itemCount, BigDecimal value, Instant lastAddedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metrics(int orders, BigDecimal lifetimeValue, BigDecimal averageOrderValue, Instant firstSeen, Instant lastSeen,
            Instant firstPurchaseAt, Instant lastPurchaseAt, Set<String> purchasedSkus, Set<String> purchasedCategories,
            Map<String, Integer> engagement, int openSupportTickets, int reviewsPosted, boolean newsletterSubscribed,
            Acquisition acquisition) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Acquisition(String channel, String campaign) {
    }
}
