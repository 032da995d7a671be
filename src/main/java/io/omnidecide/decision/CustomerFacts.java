package io.omnidecide.decision;

import io.omnidecide.event.RecentActivity;
import io.omnidecide.facts.Customer;
import io.omnidecide.profile.CartItem;
import io.omnidecide.profile.Profile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import io.omnidecide.facts.Interactions;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flattens a profile, its recent activity and the request into the {@link Customer} fact, with
 * times turned into "days ago" and "minutes ago" as of the decision's clock.
 */
final class CustomerFacts {

    private CustomerFacts() {
    }

    /** A customer never seen before: a prospect with nothing learnt yet. */
    static Customer visitor(String customerId, RequestContext request, String defaultLanguage) {
        Customer c = new Customer();
        c.setCustomerId(customerId);
        c.setKnown(false);
        context(c, request, null, defaultLanguage);
        return c;
    }

    static Customer of(Profile p, RecentActivity activity, Interactions interactions, RequestContext request, Instant now,
            String defaultLanguage) {
        Customer c = new Customer();
        c.setInteractions(interactions);
        c.setLocalHour(now.atZone(zone(p.trait("timeZone"))).getHour());
        c.setCustomerId(p.customerId);
        c.setKnown(true);
        context(c, request, p.trait("locale"), defaultLanguage);
        c.setCountry(p.trait("country"));
        c.setFirstName(p.trait("firstName"));
        c.setOrders(p.orders);
        c.setLifetimeValue(p.lifetimeValue.doubleValue());
        c.setAverageOrderValue(p.orders == 0 ? 0 : p.lifetimeValue.divide(BigDecimal.valueOf(p.orders), 2, RoundingMode.HALF_UP).doubleValue());
        c.setDaysSinceFirstPurchase(daysAgo(p.firstPurchaseAt, now));
        c.setDaysSinceLastPurchase(daysAgo(p.lastPurchaseAt, now));
        c.setPurchasedSkus(p.purchasedSkus);
        c.setPurchasedCategories(p.purchasedCategories);
        c.setCartItemCount(p.cart.stream().mapToInt(CartItem::quantity).sum());
        c.setCartValue(p.cart.stream().map(CartItem::lineValue).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue());
        if (!p.cart.isEmpty()) {
            CartItem latest = p.cart.get(p.cart.size() - 1);
            c.setCartItemSku(latest.sku());
            c.setCartItemName(latest.name());
        }
        c.setMinutesSinceLastCartAdd(p.lastCartAddAt == null ? null : Duration.between(p.lastCartAddAt, now).toMinutes());
        c.setPurchasedSinceLastCartAdd(p.lastPurchaseAt != null && p.lastCartAddAt != null && p.lastPurchaseAt.isAfter(p.lastCartAddAt));
        c.setEngagement30d(activity.engagement30d());
        c.setAppSessions14d(activity.appSessions14d());
        c.setAppSessions30d(activity.appSessions30d());
        c.setEmailEngagement30d(activity.emailEngagement30d());
        c.setOpenSupportTickets(p.openSupportTickets);
        c.setReviewsPosted(p.reviewsPosted);
        c.setNewsletterSubscribed(p.newsletterSubscribed);
        c.setAcquisitionChannel(p.acquisitionChannel);
        c.setAcquisitionCampaign(p.acquisitionCampaign);
        Map<String, String> consent = new TreeMap<>();
        p.consent.forEach((channel, entry) -> consent.put(channel, entry.status()));
        c.setConsent(consent);
        c.setPreferredChannels(p.preferredChannels);
        return c;
    }

    private static void context(Customer c, RequestContext request, String profileLocale, String defaultLanguage) {
        c.setChannel(request.channel());
        c.setPlacement(request.placement());
        String locale = request.locale() != null ? request.locale() : profileLocale;
        c.setLocale(locale);
        c.setLanguage(locale == null || locale.isBlank() ? defaultLanguage : locale.split("[-_]")[0].toLowerCase(Locale.ROOT));
    }

    /** The customer's time zone; an unknown or missing one counts as UTC rather than failing the decision. */
    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static Integer daysAgo(Instant at, Instant now) {
        return at == null ? null : (int) Duration.between(at, now).toDays();
    }
}
