package io.omnidecide.bench;

import io.omnidecide.facts.Customer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The starter pack's segment and eligibility stages written by hand in plain Java: the lifecycle,
 * segments and recommendations tables, the retargeting guardrail and the eligibility table, row by
 * row. It is the floor the rules are measured against (EligibilityBenchmark); a test keeps it in
 * step with the tables. Not for production: the point of the product is that analysts own these.
 */
public final class HandWrittenEligibility {

    /** What the two stages decide. */
    public record Outcome(String lifecycleStage, Set<String> segments, String recommendedSku, Set<String> eligible) {
    }

    private static final String[][] RECOMMENDATIONS = {
        {"coffee", "MILK-FROTHER"}, {"coffee", "COFFEE-GRINDER"}, {"coffee", "ESPRESSO-CUPS"}, {"running", "RUN-SOCKS"},
        {"running", "RUN-BELT"}, {"outdoor", "HEADLAMP"}, {"kitchen", "KNIFE-SET"},
    };

    private HandWrittenEligibility() {
    }

    public static Outcome decide(Customer c) {
        String stage = lifecycle(c);
        Set<String> segments = segments(c);
        String recommended = null;
        for (String[] row : RECOMMENDATIONS) {
            if (c.getPurchasedCategories().contains(row[0]) && !c.getPurchasedSkus().contains(row[1])) {
                recommended = row[1];
                break;
            }
        }
        Integer lastPurchase = c.getDaysSinceLastPurchase();
        Set<String> eligible = new LinkedHashSet<>();
        if (segments.contains("open_support_ticket")) {
            eligible.add("service_recovery");
        }
        if (segments.contains("cart_abandoner")) {
            eligible.add("abandoned_cart_reminder");
        }
        if ("new_customer".equals(stage)) {
            eligible.add("welcome_onboarding");
        }
        if (recommended != null) {
            eligible.add("cross_sell");
        }
        if (segments.contains("app_browser_no_purchase")) {
            eligible.add("app_rewards_nudge");
        }
        if ("at_risk".equals(stage) || "lapsed".equals(stage)) {
            eligible.add("win_back");
        }
        if (List.of("new_customer", "active", "at_risk").contains(stage) && segments.contains("vip")) {
            eligible.add("vip_early_access");
        }
        if ("prospect".equals(stage) && !c.isNewsletterSubscribed()) {
            eligible.add("newsletter_signup");
        }
        if (c.getAppSessions30d() >= 1 && "unknown".equals(c.getPushConsent())) {
            eligible.add("push_opt_in");
        }
        if (!segments.contains("reviewer") && lastPurchase != null && lastPurchase >= 7 && lastPurchase <= 30) {
            eligible.add("review_request");
        }
        if (c.getCartItemCount() >= 1 && c.getStoreVisits30d() >= 1) {
            eligible.add("store_pickup");
        }
        if (stage != null) {
            eligible.add("brand_story");
        }
        return new Outcome(stage, segments, recommended, eligible);
    }

    private static String lifecycle(Customer c) {
        Integer first = c.getDaysSinceFirstPurchase();
        Integer last = c.getDaysSinceLastPurchase();
        if (c.getOrders() <= 0) {
            return "prospect";
        }
        if (first != null && first <= 30) {
            return "new_customer";
        }
        if (first != null && first > 30 && last != null && last <= 89) {
            return "active";
        }
        if (last != null && last >= 90 && last <= 180) {
            return "at_risk";
        }
        return last != null && last >= 181 ? "lapsed" : null;
    }

    private static Set<String> segments(Customer c) {
        Set<String> segments = new LinkedHashSet<>();
        if (c.getLifetimeValue() >= 1000 || c.getOrders() >= 10) {
            segments.add("vip");
        }
        Long sinceCartAdd = c.getMinutesSinceLastCartAdd();
        if (c.getCartItemCount() >= 1 && sinceCartAdd != null && sinceCartAdd > 60 && !c.isPurchasedSinceLastCartAdd()) {
            segments.add("cart_abandoner");
        }
        if (c.getOrders() <= 0 && c.getAppSessions14d() >= 3) {
            segments.add("app_browser_no_purchase");
        }
        if (c.getEmailEngagement30d() >= 2) {
            segments.add("email_engaged");
        }
        if ("social".equals(c.getAcquisitionChannel())) {
            segments.add("social_acquired");
        }
        if (c.getOpenSupportTickets() >= 1) {
            segments.add("open_support_ticket");
        }
        if (c.getReviewsPosted() >= 1) {
            segments.add("reviewer");
        }
        String campaign = c.getAcquisitionCampaign();
        if (campaign != null && campaign.toLowerCase().contains("retarget")) {
            segments.add("retargeting_acquired");
        }
        return segments;
    }
}
