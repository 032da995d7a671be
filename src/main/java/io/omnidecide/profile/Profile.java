package io.omnidecide.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The unified customer profile: what the customer told us (traits, identities, consent,
 * preferred channels) and what their events taught us (purchases, cart, support, acquisition).
 * One row however many devices and channels, read and written by the stores (store.CustomerStore).
 */
public class Profile {

    public String customerId;

    public LinkedHashMap<String, Object> traits = new LinkedHashMap<>();

    public TreeMap<String, ConsentEntry> consent = new TreeMap<>();

    public ArrayList<String> preferredChannels = new ArrayList<>();

    public Instant firstSeen;

    public Instant lastSeen;

    public int orders;

    public BigDecimal lifetimeValue = BigDecimal.ZERO;

    public Instant firstPurchaseAt;

    public Instant lastPurchaseAt;

    public TreeSet<String> purchasedSkus = new TreeSet<>();

    public TreeSet<String> purchasedCategories = new TreeSet<>();

    public ArrayList<CartItem> cart = new ArrayList<>();

    public Instant lastCartAddAt;

    public int openSupportTickets;

    public int reviewsPosted;

    public boolean newsletterSubscribed;

    public String acquisitionChannel;

    public String acquisitionCampaign;

    /** Time of the latest event applied; an older event arriving later triggers a rebuild. */
    public Instant lastEventAt;

    /** Created from an identity alone (a device, a cookie) before the customer said who they are. */
    public boolean anonymous;

    public Instant createdAt;

    public Instant updatedAt;

    /** Counts the writes of the row. */
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
