package io.omnidecide.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnidecide.decision.DecideRequest;
import io.omnidecide.decision.DecideResponse;
import io.omnidecide.event.EventType;
import io.omnidecide.event.RecentActivity;
import io.omnidecide.event.StoredEvent;
import io.omnidecide.facts.Interactions;
import io.omnidecide.facts.ResponseCounts;
import io.omnidecide.json.JsonColumns;
import io.omnidecide.profile.IdentityRef;
import io.omnidecide.profile.Profile;
import io.omnidecide.response.PropensityStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * The service's store: plain JDBC on the transaction's connection, one statement per table per
 * batch where a batch has many rows. Through Hibernate the profile's six JSON columns were copied
 * on load and compared at every flush, and each native query flushed first: a batch of events paid
 * for that once per event. Rows are created with INSERT ... ON CONFLICT DO NOTHING and then read
 * under a row lock, so concurrent writers for one customer queue instead of losing updates.
 * Call inside a transaction.
 */
@ApplicationScoped
public class DatabaseStore implements CustomerStore {

    private static final String PROFILE_COLUMNS = "customer_id, traits, consent, preferred_channels, first_seen, last_seen, orders, "
            + "lifetime_value, first_purchase_at, last_purchase_at, purchased_skus, purchased_categories, cart, last_cart_add_at, "
            + "open_support_tickets, reviews_posted, newsletter_subscribed, acquisition_channel, acquisition_campaign, last_event_at, "
            + "anonymous, created_at, updated_at, version";
    private static final String EVENT_COLUMNS = "event_id, customer_id, event_type, channel, occurred_at, received_at, properties";
    private static final String EVENT_ORDER = " order by occurred_at, received_at, event_id";

    private static final JsonColumns.Traits TRAITS = new JsonColumns.Traits();
    private static final JsonColumns.Consents CONSENTS = new JsonColumns.Consents();
    private static final JsonColumns.Strings STRINGS = new JsonColumns.Strings();
    private static final JsonColumns.SortedStrings SORTED = new JsonColumns.SortedStrings();
    private static final JsonColumns.Cart CART = new JsonColumns.Cart();

    private final EntityManager em;
    private final Clock clock;
    private final PropensityStats propensities;
    private final DecisionLog decisionLog;

    public DatabaseStore(EntityManager em, Clock clock, PropensityStats propensities, DecisionLog decisionLog) {
        this.em = em;
        this.clock = clock;
        this.propensities = propensities;
        this.decisionLog = decisionLog;
    }

    @Override
    public Optional<Profile> find(String customerId) {
        return jdbc(c -> rows(c, "select " + PROFILE_COLUMNS + " from profile where customer_id = ?", DatabaseStore::profile, customerId)
                .stream().findFirst());
    }

    @Override
    public Optional<Profile> lock(String customerId) {
        return jdbc(c -> rows(c, "select " + PROFILE_COLUMNS + " from profile where customer_id = ? for update", DatabaseStore::profile,
                customerId).stream().findFirst());
    }

    @Override
    public Map<String, Profile> lockOrCreate(Collection<String> customerIds, boolean anonymous) {
        List<String> ids = new ArrayList<>(new TreeSet<>(customerIds));
        return jdbc(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into profile (customer_id, anonymous, created_at, updated_at) "
                    + "values (?, ?, ?, ?) on conflict do nothing")) {
                OffsetDateTime now = utc(clock.instant());
                for (String id : ids) {
                    insert.setString(1, id);
                    insert.setBoolean(2, anonymous);
                    insert.setObject(3, now);
                    insert.setObject(4, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // In id order, so that two batches naming the same customers cannot lock them crosswise.
            Map<String, Profile> locked = new LinkedHashMap<>();
            rows(c, "select " + PROFILE_COLUMNS + " from profile where customer_id in (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                    + ") order by customer_id for update", DatabaseStore::profile, ids.toArray()).forEach(p -> locked.put(p.customerId, p));
            return locked;
        });
    }

    @Override
    public void save(Collection<Profile> profiles) {
        if (profiles.isEmpty()) {
            return;
        }
        jdbc(c -> {
            try (PreparedStatement update = c.prepareStatement("update profile set traits = ?, consent = ?, preferred_channels = ?, "
                    + "first_seen = ?, last_seen = ?, orders = ?, lifetime_value = ?, first_purchase_at = ?, last_purchase_at = ?, "
                    + "purchased_skus = ?, purchased_categories = ?, cart = ?, last_cart_add_at = ?, open_support_tickets = ?, "
                    + "reviews_posted = ?, newsletter_subscribed = ?, acquisition_channel = ?, acquisition_campaign = ?, last_event_at = ?, "
                    + "anonymous = ?, updated_at = ?, version = version + 1 where customer_id = ?")) {
                for (Profile p : profiles) {
                    int i = 0;
                    update.setString(++i, TRAITS.convertToDatabaseColumn(p.traits));
                    update.setString(++i, CONSENTS.convertToDatabaseColumn(p.consent));
                    update.setString(++i, STRINGS.convertToDatabaseColumn(p.preferredChannels));
                    update.setObject(++i, utc(p.firstSeen));
                    update.setObject(++i, utc(p.lastSeen));
                    update.setInt(++i, p.orders);
                    update.setBigDecimal(++i, p.lifetimeValue);
                    update.setObject(++i, utc(p.firstPurchaseAt));
                    update.setObject(++i, utc(p.lastPurchaseAt));
                    update.setString(++i, SORTED.convertToDatabaseColumn(p.purchasedSkus));
                    update.setString(++i, SORTED.convertToDatabaseColumn(p.purchasedCategories));
                    update.setString(++i, CART.convertToDatabaseColumn(p.cart));
                    update.setObject(++i, utc(p.lastCartAddAt));
                    update.setInt(++i, p.openSupportTickets);
                    update.setInt(++i, p.reviewsPosted);
                    update.setBoolean(++i, p.newsletterSubscribed);
                    update.setString(++i, p.acquisitionChannel);
                    update.setString(++i, p.acquisitionCampaign);
                    update.setObject(++i, utc(p.lastEventAt));
                    update.setBoolean(++i, p.anonymous);
                    update.setObject(++i, utc(p.updatedAt));
                    update.setString(++i, p.customerId);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<String> customerOf(IdentityRef identity) {
        return jdbc(c -> owner(c, identity, ""));
    }

    @Override
    public String claim(IdentityRef identity, String customerId) {
        return jdbc(c -> {
            update(c, "insert into identity (id_type, id_value, customer_id, linked_at) values (?, ?, ?, ?) on conflict do nothing",
                    identity.type(), identity.value(), customerId, utc(clock.instant()));
            return owner(c, identity, " for update").orElseThrow();
        });
    }

    @Override
    public void relink(IdentityRef identity, String customerId) {
        jdbc(c -> update(c, "update identity set customer_id = ?, linked_at = ? where id_type = ? and id_value = ?",
                customerId, utc(clock.instant()), identity.type(), identity.value()));
    }

    @Override
    public void fold(String anonymousId, String intoId) {
        jdbc(c -> update(c, "update customer_event set customer_id = ? where customer_id = ?", intoId, anonymousId)
                + update(c, "update identity set customer_id = ? where customer_id = ?", intoId, anonymousId)
                + update(c, "delete from profile where customer_id = ?", anonymousId));
    }

    @Override
    public List<IdentityRef> identitiesOf(String customerId) {
        return jdbc(c -> rows(c, "select id_type, id_value from identity where customer_id = ? order by id_type, id_value",
                row -> new IdentityRef(row.getString(1), row.getString(2)), customerId));
    }

    @Override
    public boolean[] append(List<StoredEvent> events) {
        boolean[] stored = new boolean[events.size()];
        if (events.isEmpty()) {
            return stored;
        }
        return jdbc(c -> {
            // The unique event id decides, so concurrent retries cannot both apply; each row's count says which were new.
            try (PreparedStatement insert = c.prepareStatement("insert into customer_event (" + EVENT_COLUMNS + ") "
                    + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                for (StoredEvent e : events) {
                    insert.setString(1, e.id());
                    insert.setString(2, e.customerId());
                    insert.setString(3, e.type().wireName());
                    insert.setString(4, e.channel());
                    insert.setObject(5, utc(e.occurredAt()));
                    insert.setObject(6, utc(e.receivedAt()));
                    insert.setString(7, JsonColumns.write(e.properties()));
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    stored[i] = counts[i] == 1;
                }
            }
            return stored;
        });
    }

    @Override
    public List<StoredEvent> history(String customerId) {
        return jdbc(c -> events(c, "select " + EVENT_COLUMNS + " from customer_event where customer_id = ?" + EVENT_ORDER, customerId));
    }

    @Override
    public List<StoredEvent> after(String customerId, Instant at) {
        return jdbc(c -> events(c, "select " + EVENT_COLUMNS + " from customer_event where customer_id = ? and occurred_at > ?" + EVENT_ORDER,
                customerId, utc(at)));
    }

    @Override
    public RecentActivity activity(String customerId, Instant now) {
        return RecentActivity.of(jdbc(c -> rows(c, "select channel, event_type, count(*), sum(case when occurred_at >= ? then 1 else 0 end) "
                + "from customer_event where customer_id = ? and occurred_at >= ? and occurred_at <= ? group by channel, event_type",
                row -> new RecentActivity.Count(row.getString(1), row.getString(2), row.getInt(3), row.getInt(4)),
                utc(now.minus(Duration.ofDays(14))), customerId, utc(now.minus(Duration.ofDays(30))), utc(now))));
    }

    @Override
    public Interactions interactions(String customerId, Instant now) {
        return new Interactions(jdbc(c -> rows(c, "select action_id, channel, category, outcome, occurred_at from interaction "
                + "where customer_id = ? and (occurred_at >= ? or outcome = 'convert') and occurred_at <= ?",
                row -> new Interactions.Interaction(row.getString(1), row.getString(2), row.getString(3), row.getString(4), instant(row, 5)),
                customerId, utc(now.minus(INTERACTION_WINDOW)), utc(now))), now);
    }

    @Override
    public boolean recordInteraction(String decisionId, String actionId, String outcome, String customerId, String channel,
            String category, Instant at) {
        return jdbc(c -> update(c, "insert into interaction (decision_id, action_id, outcome, customer_id, channel, category, "
                + "occurred_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                decisionId, actionId, outcome, customerId, channel, category, utc(at), utc(clock.instant())) == 1);
    }

    @Override
    public long positives(String decisionId, String actionId) {
        return jdbc(c -> rows(c, "select count(*) from interaction where decision_id = ? and action_id = ? "
                + "and outcome in ('click', 'accept', 'convert')", row -> row.getLong(1), decisionId, actionId).get(0));
    }

    @Override
    public void count(String actionId, String channel, String segment, int trials, int successes) {
        // The row is created first without a read, so concurrent counts both land.
        jdbc(c -> update(c, "insert into propensity_stats (action_id, channel, segment, trials, successes) values (?, ?, ?, 0, 0) "
                + "on conflict do nothing", actionId, channel, segment)
                + update(c, "update propensity_stats set trials = trials + ?, successes = successes + ? "
                + "where action_id = ? and channel = ? and segment = ?", trials, successes, actionId, channel, segment));
    }

    @Override
    public ResponseCounts responseCounts() {
        return propensities;
    }

    /** Queued for the decision log once the transaction commits: see {@link DecisionLog}; the service waits for it before answering. */
    @Override
    public void recordDecision(DecideRequest request, DecideResponse response, String responseJson, String inputs) {
        decisionLog.writeAfterCommit(new DecisionLog.Row(response.decisionId(), response.customerId(), response.channel(),
                response.rulesetVersion(), JsonColumns.write(request), responseJson, inputs, utc(response.decidedAt())));
    }

    private <T> T jdbc(ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static Optional<String> owner(Connection c, IdentityRef identity, String lock) throws SQLException {
        return rows(c, "select customer_id from identity where id_type = ? and id_value = ?" + lock, row -> row.getString(1),
                identity.type(), identity.value()).stream().findFirst();
    }

    /** One result row as a value. */
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> rows(Connection c, String sql, Row<T> mapping, Object... parameters) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    T value = mapping.read(row);
                    if (value != null) {
                        rows.add(value);
                    }
                }
            }
            return rows;
        }
    }

    private static Profile profile(ResultSet row) throws SQLException {
        Profile p = new Profile();
        int i = 0;
        p.customerId = row.getString(++i);
        p.traits = TRAITS.convertToEntityAttribute(row.getString(++i));
        p.consent = CONSENTS.convertToEntityAttribute(row.getString(++i));
        p.preferredChannels = STRINGS.convertToEntityAttribute(row.getString(++i));
        p.firstSeen = instant(row, ++i);
        p.lastSeen = instant(row, ++i);
        p.orders = row.getInt(++i);
        p.lifetimeValue = row.getBigDecimal(++i);
        p.firstPurchaseAt = instant(row, ++i);
        p.lastPurchaseAt = instant(row, ++i);
        p.purchasedSkus = SORTED.convertToEntityAttribute(row.getString(++i));
        p.purchasedCategories = SORTED.convertToEntityAttribute(row.getString(++i));
        p.cart = CART.convertToEntityAttribute(row.getString(++i));
        p.lastCartAddAt = instant(row, ++i);
        p.openSupportTickets = row.getInt(++i);
        p.reviewsPosted = row.getInt(++i);
        p.newsletterSubscribed = row.getBoolean(++i);
        p.acquisitionChannel = row.getString(++i);
        p.acquisitionCampaign = row.getString(++i);
        p.lastEventAt = instant(row, ++i);
        p.anonymous = row.getBoolean(++i);
        p.createdAt = instant(row, ++i);
        p.updatedAt = instant(row, ++i);
        p.version = row.getLong(++i);
        return p;
    }

    private static List<StoredEvent> events(Connection c, String sql, Object... parameters) throws SQLException {
        // A type no longer known (renamed since) is kept in the log but teaches the profile nothing.
        return rows(c, sql, row -> {
            EventType type = EventType.fromWire(row.getString(3)).orElse(null);
            return type == null ? null : new StoredEvent(row.getString(1), row.getString(2), type, row.getString(4), instant(row, 5),
                    instant(row, 6), (ObjectNode) JsonColumns.readTree(row.getString(7)));
        }, parameters);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** A time as JDBC drivers take it for a timestamp with time zone column. */
    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
