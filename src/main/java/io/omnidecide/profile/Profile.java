package io.omnidecide.profile;

import io.omnidecide.json.JsonColumns;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The unified customer profile: what the customer told us (traits, identities, consent,
 * preferred channels) and what their events taught us (purchases, cart, support, acquisition).
 * One row however many devices and channels.
 */
@Entity
@Table(name = "profile")
public class Profile extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Convert(converter = JsonColumns.Traits.class)
    public LinkedHashMap<String, Object> traits = new LinkedHashMap<>();

    @Convert(converter = JsonColumns.Consents.class)
    public TreeMap<String, ConsentEntry> consent = new TreeMap<>();

    @Column(name = "preferred_channels")
    @Convert(converter = JsonColumns.Strings.class)
    public ArrayList<String> preferredChannels = new ArrayList<>();

    @Column(name = "first_seen")
    public Instant firstSeen;

    @Column(name = "last_seen")
    public Instant lastSeen;

    public int orders;

    @Column(name = "lifetime_value")
    public BigDecimal lifetimeValue = BigDecimal.ZERO;

    @Column(name = "first_purchase_at")
    public Instant firstPurchaseAt;

    @Column(name = "last_purchase_at")
    public Instant lastPurchaseAt;

    @Column(name = "purchased_skus")
    @Convert(converter = JsonColumns.SortedStrings.class)
    public TreeSet<String> purchasedSkus = new TreeSet<>();

    @Column(name = "purchased_categories")
    @Convert(converter = JsonColumns.SortedStrings.class)
    public TreeSet<String> purchasedCategories = new TreeSet<>();

    @Convert(converter = JsonColumns.Cart.class)
    public ArrayList<CartItem> cart = new ArrayList<>();

    @Column(name = "last_cart_add_at")
    public Instant lastCartAddAt;

    @Column(name = "open_support_tickets")
    public int openSupportTickets;

    @Column(name = "reviews_posted")
    public int reviewsPosted;

    @Column(name = "newsletter_subscribed")
    public boolean newsletterSubscribed;

    @Column(name = "acquisition_channel")
    public String acquisitionChannel;

    @Column(name = "acquisition_campaign")
    public String acquisitionCampaign;

    /** Time of the latest event applied; an older event arriving later triggers a rebuild. */
    @Column(name = "last_event_at")
    public Instant lastEventAt;

    /** Created from an identity alone (a device, a cookie) before the customer said who they are. */
    public boolean anonymous;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @jakarta.persistence.Version
    public long version;

    public String trait(String name) {
        Object value = traits.get(name);
        return value == null ? null : value.toString();
    }

    /** Forgets everything learnt from events, keeping what the customer told us; for a rebuild. */
    public void clearLearned() {
        firstSeen = null;
        lastSeen = null;
        orders = 0;
        lifetimeValue = BigDecimal.ZERO;
        firstPurchaseAt = null;
        lastPurchaseAt = null;
        purchasedSkus = new TreeSet<>();
        purchasedCategories = new TreeSet<>();
        cart = new ArrayList<>();
        lastCartAddAt = null;
        openSupportTickets = 0;
        reviewsPosted = 0;
        newsletterSubscribed = false;
        acquisitionChannel = null;
        acquisitionCampaign = null;
        lastEventAt = null;
    }
}
