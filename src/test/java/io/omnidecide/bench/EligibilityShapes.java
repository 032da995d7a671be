package io.omnidecide.bench;

import io.omnidecide.event.RecentActivity;
import io.omnidecide.profile.CartItem;
import io.omnidecide.profile.ConsentEntry;
import io.omnidecide.profile.Profile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/** Random customer shapes that between them reach every row of the starter pack's segment and eligibility tables. */
final class EligibilityShapes {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String[] CATEGORIES = {"coffee", "running", "outdoor", "kitchen", "garden"};
    private static final String[] SKUS = {"MILK-FROTHER", "COFFEE-GRINDER", "ESPRESSO-CUPS", "RUN-SOCKS", "RUN-BELT", "HEADLAMP", "KNIFE-SET"};

    record Shape(Profile profile, RecentActivity activity) {
    }

    private EligibilityShapes() {
    }

    static List<Shape> draw(int n, long seed) {
        Random r = new Random(seed);
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Profile p = new Profile();
            p.customerId = "s-" + i;
            p.traits.put("firstName", "Ada");
            if (r.nextInt(3) > 0) {
                p.consent.put("push", new ConsentEntry(r.nextBoolean() ? "granted" : "denied", "bench", NOW));
            }
            p.orders = r.nextInt(4) == 0 ? 0 : r.nextInt(4) == 0 ? 10 + r.nextInt(3) : 1 + r.nextInt(5);
            p.lifetimeValue = BigDecimal.valueOf(p.orders * (long) (20 + r.nextInt(200)));
            if (p.orders > 0) {
                int last = r.nextInt(400);
                p.lastPurchaseAt = NOW.minus(Duration.ofDays(last));
                p.firstPurchaseAt = p.lastPurchaseAt.minus(Duration.ofDays(r.nextInt(3) == 0 ? 0 : r.nextInt(200)));
                p.purchasedCategories = new TreeSet<>(List.of(CATEGORIES[r.nextInt(CATEGORIES.length)]));
                if (r.nextBoolean()) {
                    p.purchasedSkus = new TreeSet<>(List.of(SKUS[r.nextInt(SKUS.length)]));
                }
            }
            if (r.nextInt(3) == 0) {
                p.lastCartAddAt = NOW.minus(Duration.ofMinutes(5 + r.nextInt(600)));
                p.cart.add(new CartItem("S-1", "Sneaker", "running", BigDecimal.valueOf(89), 1, "app", p.lastCartAddAt));
            }
            p.openSupportTickets = r.nextInt(8) == 0 ? 1 : 0;
            p.reviewsPosted = r.nextInt(6) == 0 ? 1 : 0;
            p.newsletterSubscribed = r.nextInt(4) == 0;
            p.acquisitionChannel = r.nextInt(6) == 0 ? "social" : "web";
            p.acquisitionCampaign = r.nextInt(8) == 0 ? "Spring-Retargeting" : null;
            p.preferredChannels = new ArrayList<>(List.of("app", "email"));
            int sessions30 = r.nextInt(3) == 0 ? r.nextInt(6) : 0;
            RecentActivity activity = new RecentActivity(Map.of("store", r.nextInt(4) == 0 ? 1 : 0, "app", sessions30),
                    Math.min(sessions30, r.nextInt(5)), sessions30, r.nextInt(4));
            shapes.add(new Shape(p, activity));
        }
        return shapes;
    }
}
