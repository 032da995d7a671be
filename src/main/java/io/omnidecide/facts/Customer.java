package io.omnidecide.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The customer as the rules see it during one decision: profile, what events taught us, and the
 * request context, flattened into one fact so that every table's conditions stay on one type
 * (see docs/fact-model.md for each field). Rules write back lifecycle stage, segments,
 * a recommendation and the actions the customer is eligible for.
 */
public class Customer extends TracedFact {

    // Who, and the request that asks.
    private String customerId;
    private boolean known;
    private String channel;
    private String placement;
    private String locale;
    private String language;
    private String country;
    private String firstName;

    // Purchases.
    private int orders;
    private double lifetimeValue;
    private double averageOrderValue;
    private Integer daysSinceFirstPurchase;
    private Integer daysSinceLastPurchase;
    private Set<String> purchasedSkus = Set.of();
    private Set<String> purchasedCategories = Set.of();

    // The one cart, whatever channel filled it.
    private int cartItemCount;
    private double cartValue;
    private String cartItemSku;
    private String cartItemName;
    private Long minutesSinceLastCartAdd;
    private boolean purchasedSinceLastCartAdd;

    // Engagement in recent windows.
    private Map<String, Integer> engagement30d = Map.of();
    private int appSessions14d;
    private int appSessions30d;
    private int emailEngagement30d;

    // Service, relationship, acquisition, consent.
    private int openSupportTickets;
    private int reviewsPosted;
    private boolean newsletterSubscribed;
    private String acquisitionChannel;
    private String acquisitionCampaign;
    private Map<String, String> consent = Map.of();
    private List<String> preferredChannels = List.of();

    // Interaction history and the customer's clock.
    private Interactions interactions = Interactions.NONE;
    private int localHour;

    // Written by the DMN models before the segment stage: decision name -> result.
    private final Map<String, Object> dmn = new LinkedHashMap<>();

    // Written by the rules.
    private String lifecycleStage;
    private final Set<String> segments = new LinkedHashSet<>();
    private String recommendedSku;
    private String recommendedName;
    private final Set<String> proposals = new LinkedHashSet<>();

    // ---- what the rules call -------------------------------------------------------------

    public void setLifecycleStage(String stage) {
        this.lifecycleStage = stage;
        record("lifecycle", stage);
    }

    public void addSegment(String segment) {
        if (segments.add(segment)) {
            record("segment", segment);
        }
    }

    /** The first recommendation made wins: table rows are in order of preference. */
    public void recommend(String sku, String name) {
        if (recommendedSku == null) {
            recommendedSku = sku.trim();
            recommendedName = name.trim();
            record("recommendation", sku);
        }
    }

    /** Makes the customer eligible for an action; later stages may still suppress it. */
    public void propose(String actionId) {
        proposals.add(actionId);
        // Conditions cannot read proposals; the next stages make candidates of them instead.
        recordUnseen("eligible", actionId);
    }

    /**
     * The result of a DMN decision, written before the segment stage (not a rule action: rules
     * only read it, as {@code dmn["valueTier"]}). A number arrives as a double so that conditions
     * compare it like any other number.
     *
     * @param source the rule source that produced it, for the decision's explanation
     */
    public void recordDmnResult(String decision, Object value, String source) {
        dmn.put(decision, value instanceof BigDecimal number ? number.doubleValue() : value);
        record("dmn", decision, source);
    }

    /** Consent status (granted, denied or unknown) for a channel. */
    public String consentFor(String channelName) {
        return consent.getOrDefault(channelName, "unknown");
    }

    public boolean hasSegment(String segment) {
        return segments.contains(segment);
    }

    public List<String> proposals() {
        return List.copyOf(proposals);
    }

    // ---- bean properties, what conditions read ---------------------------------------------

    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public boolean isKnown() { return known; }
    public void setKnown(boolean known) { this.known = known; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getPlacement() { return placement; }
    public void setPlacement(String placement) { this.placement = placement; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public int getOrders() { return orders; }
    public void setOrders(int orders) { this.orders = orders; }
    public double getLifetimeValue() { return lifetimeValue; }
    public void setLifetimeValue(double lifetimeValue) { this.lifetimeValue = lifetimeValue; }
    public double getAverageOrderValue() { return averageOrderValue; }
    public void setAverageOrderValue(double averageOrderValue) { this.averageOrderValue = averageOrderValue; }
    public Integer getDaysSinceFirstPurchase() { return daysSinceFirstPurchase; }
    public void setDaysSinceFirstPurchase(Integer days) { this.daysSinceFirstPurchase = days; }
    public Integer getDaysSinceLastPurchase() { return daysSinceLastPurchase; }
    public void setDaysSinceLastPurchase(Integer days) { this.daysSinceLastPurchase = days; }
    public Set<String> getPurchasedSkus() { return purchasedSkus; }
    public void setPurchasedSkus(Set<String> skus) { this.purchasedSkus = sorted(skus); }
    public Set<String> getPurchasedCategories() { return purchasedCategories; }
    public void setPurchasedCategories(Set<String> categories) { this.purchasedCategories = sorted(categories); }
    public int getCartItemCount() { return cartItemCount; }
    public void setCartItemCount(int count) { this.cartItemCount = count; }
    public double getCartValue() { return cartValue; }
    public void setCartValue(double cartValue) { this.cartValue = cartValue; }
    public String getCartItemSku() { return cartItemSku; }
    public void setCartItemSku(String sku) { this.cartItemSku = sku; }
    public String getCartItemName() { return cartItemName; }
    public void setCartItemName(String name) { this.cartItemName = name; }
    public Long getMinutesSinceLastCartAdd() { return minutesSinceLastCartAdd; }
    public void setMinutesSinceLastCartAdd(Long minutes) { this.minutesSinceLastCartAdd = minutes; }
    public boolean isPurchasedSinceLastCartAdd() { return purchasedSinceLastCartAdd; }
    public void setPurchasedSinceLastCartAdd(boolean purchased) { this.purchasedSinceLastCartAdd = purchased; }
    public Map<String, Integer> getEngagement30d() { return engagement30d; }
    public void setEngagement30d(Map<String, Integer> engagement) { this.engagement30d = sorted(engagement); }
    public int getAppSessions14d() { return appSessions14d; }
    public void setAppSessions14d(int sessions) { this.appSessions14d = sessions; }
    public int getAppSessions30d() { return appSessions30d; }
    public void setAppSessions30d(int sessions) { this.appSessions30d = sessions; }
    public int getEmailEngagement30d() { return emailEngagement30d; }
    public void setEmailEngagement30d(int count) { this.emailEngagement30d = count; }
    public int getOpenSupportTickets() { return openSupportTickets; }
    public void setOpenSupportTickets(int tickets) { this.openSupportTickets = tickets; }
    public int getReviewsPosted() { return reviewsPosted; }
    public void setReviewsPosted(int reviews) { this.reviewsPosted = reviews; }
    public boolean isNewsletterSubscribed() { return newsletterSubscribed; }
    public void setNewsletterSubscribed(boolean subscribed) { this.newsletterSubscribed = subscribed; }
    public String getAcquisitionChannel() { return acquisitionChannel; }
    public void setAcquisitionChannel(String channel) { this.acquisitionChannel = channel; }
    public String getAcquisitionCampaign() { return acquisitionCampaign; }
    public void setAcquisitionCampaign(String campaign) { this.acquisitionCampaign = campaign; }
    public Map<String, String> getConsent() { return consent; }
    public void setConsent(Map<String, String> consent) { this.consent = sorted(consent); }
    public String getEmailConsent() { return consentFor("email"); }
    public String getSmsConsent() { return consentFor("sms"); }
    public String getPushConsent() { return consentFor("push"); }
    public List<String> getPreferredChannels() { return preferredChannels; }
    public Interactions getInteractions() { return interactions; }
    public void setInteractions(Interactions interactions) { this.interactions = interactions; }
    /** Hour of the day (0-23) in the customer's time zone (the timeZone trait, UTC without one). */
    public int getLocalHour() { return localHour; }
    public void setLocalHour(int localHour) { this.localHour = localHour; }
    public void setPreferredChannels(List<String> channels) { this.preferredChannels = List.copyOf(channels); }
    /** Results of the DMN models' decisions by decision name: {@code dmn["valueTier"] == "gold"}. */
    public Map<String, Object> getDmn() { return Collections.unmodifiableMap(dmn); }
    public String getLifecycleStage() { return lifecycleStage; }
    public Set<String> getSegments() { return Collections.unmodifiableSet(segments); }
    public String getRecommendedSku() { return recommendedSku; }
    public String getRecommendedName() { return recommendedName; }
    public boolean isHasRecommendation() { return recommendedSku != null; }
    public int getStoreVisits30d() { return engagement30d.getOrDefault("store", 0); }

    /** Segments as a list in the order rules added them. */
    public List<String> segmentList() {
        return new ArrayList<>(segments);
    }

    // Sorted, not Set.copyOf/Map.copyOf: those iterate in an order that changes from one JVM to the
    // next, and a rule iterating them, or the recorded inputs, must read the same on every replay.
    private static Set<String> sorted(Set<String> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    private static <V> Map<String, V> sorted(Map<String, V> values) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }
}
