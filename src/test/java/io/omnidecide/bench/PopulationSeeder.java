package io.omnidecide.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnidecide.event.EventReplay;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.profile.ConsentEntry;
import io.omnidecide.profile.Profile;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk seed of the performance suite's population straight into PostgreSQL with COPY, into the
 * schema the service's Flyway migrations made: customers c-1..c-N with a profile each, events over
 * the last year on every channel, and for about half of them an interaction history (decisions seen,
 * clicked, dismissed, converted) with the propensity counts those imply.
 *
 * <p>Every event goes through the service's own validation and profile projection
 * ({@link EventReplay}) in time order, so each profile row is the one POST /v1/events would have
 * built from the same events; only the HTTP round trips and per-row transactions are skipped. A
 * fixed random seed gives the same population for the same sizes.
 *
 * <pre>
 * java -cp ... io.omnidecide.bench.PopulationSeeder JDBC_URL USER CUSTOMERS EVENTS
 * </pre>
 */
public final class PopulationSeeder {

    /** Items in the categories the starter pack's rules know. */
    private static final String[][] CATALOG = {
        {"BEANS-1", "Coffee beans", "coffee", "15.0"}, {"GRINDER-2", "Burr grinder", "coffee", "120.0"},
        {"SNEAKER-42", "Trail sneaker", "running", "89.0"}, {"SOCKS-3", "Running socks", "running", "12.0"},
        {"TENT-2", "Two-person tent", "outdoor", "250.0"}, {"JACKET-7", "Rain jacket", "outdoor", "180.0"},
        {"MUG-1", "Mug", "kitchen", "12.0"}, {"KETTLE-5", "Kettle", "kitchen", "45.0"},
    };
    private static final String[] NAMES = {"Ada", "Bo", "Cyrus", "Dagny", "Emil", "Freja", "Grace", "Hugo"};
    private static final String[] ACTIONS = {"abandoned_cart_reminder", "win_back", "cross_sell", "newsletter_signup", "brand_story",
        "welcome_onboarding", "service_recovery", "store_pickup"};
    private static final String[] RESPONSE_CHANNELS = {"web", "email", "app", "push"};
    /** Events a customer has on average besides views; views make up the rest of the requested total. */
    private static final double OTHER_EVENTS_PER_CUSTOMER = 5.1;
    private static final int CHUNK = 5_000;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.MINUTES);
    private final EventReplay replay = new EventReplay(Clock.fixed(now, ZoneOffset.UTC));
    private final Random random = new Random(20261130L);
    private final double viewsPerCustomer;
    private final Map<String, long[]> propensity = new HashMap<>();
    private long events;
    private long interactions;

    private PopulationSeeder(double eventsPerCustomer) {
        this.viewsPerCustomer = Math.max(1, eventsPerCustomer - OTHER_EVENTS_PER_CUSTOMER);
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int customers = Integer.parseInt(args[2]);
        long wantedEvents = Long.parseLong(args[3]);
        long started = System.nanoTime();
        PopulationSeeder seeder = new PopulationSeeder((double) wantedEvents / customers);
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            try (Statement s = db.createStatement()) {
                // Loading first and indexing after is several times faster than keeping the index up row by row.
                s.execute("drop index if exists customer_event_recent");
                s.execute("drop index if exists interaction_customer");
            }
            for (int from = 1; from <= customers; from += CHUNK) {
                seeder.chunk(copy, from, Math.min(customers, from + CHUNK - 1));
            }
            seeder.propensity(copy);
            long loaded = System.nanoTime();
            try (Statement s = db.createStatement()) {
                s.execute("create index customer_event_recent on customer_event (customer_id, occurred_at desc)");
                s.execute("create index interaction_customer on interaction (customer_id, occurred_at desc)");
                s.execute("vacuum analyze");
            }
            System.out.printf(Locale.ROOT, "seeded %d customers, %d events, %d interactions in %.1f s (COPY %.1f s, indexes and analyze %.1f s)%n",
                    customers, seeder.events, seeder.interactions, (System.nanoTime() - started) / 1e9, (loaded - started) / 1e9,
                    (System.nanoTime() - loaded) / 1e9);
        }
    }

    private void chunk(CopyManager copy, int from, int to) throws Exception {
        StringBuilder profiles = new StringBuilder();
        StringBuilder eventRows = new StringBuilder();
        StringBuilder interactionRows = new StringBuilder();
        for (int i = from; i <= to; i++) {
            customer("c-" + i, profiles, eventRows, interactionRows);
        }
        copy.copyIn("copy profile (customer_id, traits, consent, preferred_channels, first_seen, last_seen, orders, lifetime_value,"
                + " first_purchase_at, last_purchase_at, purchased_skus, purchased_categories, cart, last_cart_add_at, open_support_tickets,"
                + " reviews_posted, newsletter_subscribed, acquisition_channel, acquisition_campaign, last_event_at, anonymous, created_at,"
                + " updated_at, version) from stdin with (format csv)", new StringReader(profiles.toString()));
        copy.copyIn("copy customer_event (event_id, customer_id, event_type, channel, occurred_at, received_at, properties)"
                + " from stdin with (format csv)", new StringReader(eventRows.toString()));
        copy.copyIn("copy interaction (decision_id, action_id, outcome, customer_id, channel, category, occurred_at, received_at)"
                + " from stdin with (format csv)", new StringReader(interactionRows.toString()));
    }

    private void customer(String id, StringBuilder profiles, StringBuilder eventRows, StringBuilder interactionRows) {
        Random r = random;
        Profile p = new Profile();
        p.customerId = id;
        if (r.nextInt(7) > 0) {
            p.traits.put("firstName", NAMES[r.nextInt(NAMES.length)]);
        }
        p.traits.put("locale", r.nextInt(10) < 7 ? "en-GB" : "sv-SE");
        Instant consentAt = now.minus(400, ChronoUnit.DAYS);
        p.consent.put("email", new ConsentEntry(r.nextInt(100) < 85 ? "granted" : "denied", "signup_form", consentAt));
        if (r.nextInt(100) < 55) {
            p.consent.put("push", new ConsentEntry(r.nextInt(100) < 73 ? "granted" : "denied", "app", consentAt));
        }
        if (r.nextInt(100) < 30) {
            p.consent.put("sms", new ConsentEntry("granted", "checkout", consentAt));
        }
        List<String> channels = new ArrayList<>(List.of("app", "email", "push", "web", "sms"));
        Collections.shuffle(channels, r);
        p.preferredChannels = new ArrayList<>(channels.subList(0, 2));

        List<Object[]> items = new ArrayList<>();
        if (r.nextInt(100) < 5) {
            add(items, id, "social_engagement", "social", 24 * (330 + r.nextInt(30)), null);
        }
        int views = (int) Math.round(r.nextDouble() * 2 * viewsPerCustomer);
        for (int k = 0; k < views; k++) {
            String[] item = CATALOG[r.nextInt(CATALOG.length)];
            // Recent weeks are busier than last year: half the views in the last 30 days.
            long hoursAgo = r.nextBoolean() ? 1 + r.nextInt(24 * 30) : 1 + r.nextInt(24 * 365);
            add(items, id, r.nextBoolean() ? "page_view" : "product_view", r.nextBoolean() ? "web" : "app", hoursAgo,
                    "{\"sku\":\"" + item[0] + "\",\"category\":\"" + item[2] + "\"}");
        }
        if (r.nextInt(100) < 35) {
            for (int k = r.nextInt(6) + 1; k > 0; k--) {
                add(items, id, "app_session", null, 1 + r.nextInt(24 * 60), null);
            }
        }
        if (r.nextInt(100) < 40) {
            for (int k = r.nextInt(4) + 1; k > 0; k--) {
                add(items, id, r.nextInt(3) == 0 ? "email_click" : "email_open", null, 1 + r.nextInt(24 * 90), null);
            }
        }
        int purchases = r.nextInt(100) < 4 ? 10 + r.nextInt(3) : r.nextInt(100) < 55 ? 1 + r.nextInt(5) : 0;
        for (int k = 0; k < purchases; k++) {
            String[] item = CATALOG[r.nextInt(CATALOG.length)];
            add(items, id, r.nextInt(5) == 0 ? "store_purchase" : "purchase", r.nextBoolean() ? "web" : "app", 24 * (1 + r.nextInt(364)),
                    "{\"items\":[{\"sku\":\"" + item[0] + "\",\"name\":\"" + item[1] + "\",\"category\":\"" + item[2]
                            + "\",\"price\":" + item[3] + ",\"quantity\":" + (1 + r.nextInt(2)) + "}]}");
        }
        if (r.nextInt(100) < 25) {
            // Carts 2 to 72 hours old: past the hour after which a cart counts as abandoned.
            for (int k = r.nextInt(3) + 1; k > 0; k--) {
                String[] item = CATALOG[r.nextInt(CATALOG.length)];
                add(items, id, "add_to_cart", r.nextBoolean() ? "web" : "app", 2 + r.nextInt(70), "{\"sku\":\"" + item[0]
                        + "\",\"name\":\"" + item[1] + "\",\"category\":\"" + item[2] + "\",\"price\":" + item[3] + "}");
            }
        }
        if (r.nextInt(100) < 6) {
            int openedHoursAgo = 4 + r.nextInt(24 * 10);
            add(items, id, "support_ticket_opened", "call_centre", openedHoursAgo, "{\"ticketId\":\"t-" + id + "\"}");
            if (r.nextInt(3) == 0) {
                add(items, id, "support_ticket_closed", "call_centre", openedHoursAgo - 2, "{\"ticketId\":\"t-" + id + "\"}");
            }
        }
        if (r.nextInt(100) < 10) {
            add(items, id, "store_visit", null, 24 + r.nextInt(24 * 60), null);
        }
        if (r.nextInt(100) < 5) {
            add(items, id, "review_posted", "web", 24 + r.nextInt(24 * 60), null);
        }
        if (r.nextInt(100) < 15) {
            add(items, id, "newsletter_subscribed", "web", 24 + r.nextInt(24 * 300), null);
        }
        // In time order, as ingest applies them; equal times keep the order they were drawn in.
        items.sort(Comparator.comparingLong(o -> -(long) o[0]));
        for (Object[] item : items) {
            EventReplay.StoredEvent e = replay.apply(p, (JsonNode) item[1]);
            row(eventRows, e.id(), e.customerId(), e.type(), e.channel(), e.occurredAt(), e.occurredAt().plusSeconds(2), e.properties());
            events++;
        }
        p.createdAt = p.firstSeen == null ? now.minus(365, ChronoUnit.DAYS) : p.firstSeen;
        p.updatedAt = now;
        row(profiles, p.customerId, JsonColumns.write(p.traits), JsonColumns.write(p.consent), JsonColumns.write(p.preferredChannels),
                p.firstSeen, p.lastSeen, p.orders, p.lifetimeValue, p.firstPurchaseAt, p.lastPurchaseAt, JsonColumns.write(p.purchasedSkus),
                JsonColumns.write(p.purchasedCategories), JsonColumns.write(p.cart), p.lastCartAddAt, p.openSupportTickets, p.reviewsPosted,
                p.newsletterSubscribed, p.acquisitionChannel, p.acquisitionCampaign, p.lastEventAt, false, p.createdAt, p.updatedAt, 0);
        if (r.nextBoolean()) {
            interactions(p, interactionRows);
        }
    }

    /** Decisions this customer saw in the last 180 days, and what they did about them. */
    private void interactions(Profile p, StringBuilder rows) {
        Random r = random;
        String stage = stage(p);
        for (int k = r.nextInt(4) + 1; k > 0; k--) {
            String decision = new UUID(r.nextLong(), r.nextLong()).toString();
            String action = ACTIONS[r.nextInt(ACTIONS.length)];
            String channel = RESPONSE_CHANNELS[r.nextInt(RESPONSE_CHANNELS.length)];
            String category = action.equals("service_recovery") ? "service" : "marketing";
            Instant seen = now.minus(1 + r.nextInt(24 * 180), ChronoUnit.HOURS);
            int draw = r.nextInt(100);
            List<String> outcomes = draw < 5 ? List.of("impression", "click", "convert") : draw < 25 ? List.of("impression", "click")
                    : draw < 35 ? List.of("impression", "dismiss") : List.of("impression");
            for (int o = 0; o < outcomes.size(); o++) {
                Instant at = seen.plus(o * 5L, ChronoUnit.MINUTES);
                row(rows, decision, action, outcomes.get(o), p.customerId, channel, category, at, at);
                interactions++;
            }
            long[] counts = propensity.computeIfAbsent(action + "|" + channel + "|" + stage, key -> new long[2]);
            counts[0]++;
            counts[1] += outcomes.contains("click") ? 1 : 0;
        }
    }

    /**
     * The lifecycle stage the counts are learnt under, as the starter pack's lifecycle table puts it;
     * only the seed's propensity counts use it (decides get their stage from the rules).
     */
    private String stage(Profile p) {
        if (p.orders == 0 || p.lastPurchaseAt == null) {
            return "prospect";
        }
        long sinceFirst = ChronoUnit.DAYS.between(p.firstPurchaseAt, now);
        long sinceLast = ChronoUnit.DAYS.between(p.lastPurchaseAt, now);
        return sinceFirst <= 30 ? "new_customer" : sinceLast <= 89 ? "active" : sinceLast <= 180 ? "at_risk" : "lapsed";
    }

    private void propensity(CopyManager copy) throws Exception {
        StringBuilder rows = new StringBuilder();
        propensity.forEach((key, counts) -> {
            String[] parts = key.split("\\|");
            row(rows, parts[0], parts[1], parts[2], counts[0], counts[1]);
        });
        copy.copyIn("copy propensity_stats (action_id, channel, segment, trials, successes) from stdin with (format csv)",
                new StringReader(rows.toString()));
    }

    private void add(List<Object[]> items, String customerId, String type, String channel, long hoursAgo, String properties) {
        String json = "{\"id\":\"" + customerId + "-e" + items.size() + "\",\"customerId\":\"" + customerId + "\",\"type\":\"" + type + "\""
                + (channel == null ? "" : ",\"channel\":\"" + channel + "\"")
                + ",\"occurredAt\":\"" + now.minus(hoursAgo, ChronoUnit.HOURS) + "\""
                + (properties == null ? "" : ",\"properties\":" + properties) + "}";
        items.add(new Object[] {hoursAgo, JsonColumns.readTree(json)});
    }

    /** One CSV line for COPY: null as an empty field, everything else quoted. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (values[i] != null) {
                out.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }
}
