package io.omnidecide.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GET /v1/profiles/{id}: what the customer told us, what events taught us, and where the rules place them. */
public record ProfileView(String customerId, boolean anonymous, Map<String, Object> traits, List<IdentityRef> identities,
        Map<String, ConsentEntry> consent, List<String> preferredChannels, Cart cart, Metrics metrics, String lifecycleStage,
        List<String> segments, Instant createdAt, Instant updatedAt) {

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
