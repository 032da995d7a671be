package io.omnidecide.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One action the customer is eligible for, on one channel it might go out on. The customer's
 * values that policy and copy rows need are flattened in, so those tables stay on this one fact.
 * Rules write the action's catalog entry, suppressions and the copy.
 */
public class Candidate extends TracedFact {

    /** Rank of a channel the actions table does not list, or the customer does not prefer. */
    public static final int UNRANKED = Integer.MAX_VALUE;

    private final String actionId;
    private final String channel;
    private final Customer customer;
    private String language;

    // Written by the actions table (catalog stage).
    private String category;
    private double expectedRate;
    private double value;
    private double lever = 1;
    private double contextWeight = 1;
    private double propensity;
    private boolean allowed;
    private int channelRank = UNRANKED;
    private double holdoutShare;
    private boolean severalPerDecision;
    private boolean fallback;

    // Written by the channels table (catalog stage).
    private boolean outbound;

    // Written by the contact-policy table.
    private final List<String> suppressions = new ArrayList<>();

    // Written by the messages table.
    private String subject;
    private String title;
    private String body;
    private String cta;
    private String url;

    public Candidate(String actionId, String channel, Customer customer, String language) {
        this.actionId = actionId;
        this.channel = channel;
        this.customer = customer;
        this.language = language;
    }

    // ---- what the rules call -------------------------------------------------------------

    /** Other actions of the same category may go out in the same decision (otherwise one per category). */
    public void setSeveralPerDecision(boolean several) { this.severalPerDecision = several; changed(); }
    /** Returned only when no other action qualifies. */
    public void setFallback(boolean fallback) { this.fallback = fallback; changed(); }
    public boolean isSeveralPerDecision() { return severalPerDecision; }
    public boolean isFallback() { return fallback; }

    /** Share (0 to 1) of customers kept from this action as its control group. */
    public void setHoldoutShare(double share) { this.holdoutShare = share; changed(); }

    public void setCategory(String category) { this.category = category; record("category", category); }
    /** The response rate (in %) expected before any response is seen: the prior of the learned propensity. */
    public void setExpectedRate(double percent) { this.expectedRate = percent; changed(); }
    /** A business lever: multiplies the score (2 doubles it, 0.5 halves it). Levers rows multiply together. */
    public void multiplyLever(double factor) { this.lever *= factor; record("lever", "x" + factor); }
    /** A weight for the context of the request (channel, placement). Rows multiply together. */
    public void multiplyContextWeight(double factor) { this.contextWeight *= factor; record("context", "x" + factor); }
    public void setValue(double value) { this.value = value; changed(); }

    /** Lists the channels the action may use, in the brand's order of preference. */
    public void allowChannels(String channels) {
        List<String> list = Arrays.stream(channels.split(",")).map(String::trim).toList();
        int index = list.indexOf(channel);
        allowed = index >= 0;
        channelRank = allowed ? index : UNRANKED;
        record("channels", channels);
    }

    /** A message can be sent on this channel unasked (e-mail, SMS, push, social): a decide for "any" chooses among these. */
    public void setOutbound(boolean outbound) { this.outbound = outbound; record("outbound", String.valueOf(outbound)); }

    public void suppress(String reason) {
        suppressions.add(reason);
        record("suppressed", reason);
    }

    public void setSubject(String subject) { this.subject = subject; record("copy", "subject"); }
    public void setTitle(String title) { this.title = title; record("copy", "title"); }
    public void setBody(String body) { this.body = body; record("copy", "body"); }
    public void setCta(String cta) { this.cta = cta; record("copy", "cta"); }
    public void setUrl(String url) { this.url = url; record("copy", "url"); }

    // ---- what conditions read ----------------------------------------------------------------

    public String getActionId() { return actionId; }
    public String getChannel() { return channel; }
    public String getLanguage() { return language; }
    public String getCategory() { return category; }
    public double getExpectedRate() { return expectedRate; }
    public double getLever() { return lever; }
    public double getContextWeight() { return contextWeight; }
    public double getPropensity() { return propensity; }
    public double getValue() { return value; }
    public boolean isAllowed() { return allowed; }
    public boolean isOutbound() { return outbound; }
    public int getChannelRank() { return channelRank; }
    /** Consent status of the customer for this candidate's channel: granted, denied or unknown. */
    public String getConsent() { return customer.consentFor(channel); }
    /** The channel the request asked on ("any" when the service chooses). */
    public String getRequestChannel() { return customer.getChannel(); }
    public String getPlacement() { return customer.getPlacement(); }
    public String getLifecycleStage() { return customer.getLifecycleStage(); }
    /** The customer's DMN decision results, as on Customer: {@code dmn["valueTier"] == "gold"}. */
    public Map<String, Object> getDmn() { return customer.getDmn(); }
    public Set<String> getSegments() { return customer.getSegments(); }
    public Set<String> getPurchasedSkus() { return customer.getPurchasedSkus(); }
    public String getRecommendedSku() { return customer.getRecommendedSku(); }
    public int getOpenSupportTickets() { return customer.getOpenSupportTickets(); }
    public boolean isSuppressed() { return !suppressions.isEmpty(); }

    // ---- interaction history, for caps and cooldowns -------------------------------------------

    /** Impressions of this action on this channel in the last {@code days} days. */
    public long impressions(int days) {
        return customer.getInteractions().impressions(actionId, channel, days);
    }

    /** Impressions of this action on any channel in the last {@code days} days. */
    public long actionImpressions(int days) {
        return customer.getInteractions().impressions(actionId, null, days);
    }

    /** Impressions of any action of this candidate's category, on any channel, in the last {@code days} days. */
    public long categoryImpressions(int days) {
        return customer.getInteractions().categoryImpressions(category, days);
    }

    /** Whole days since this action was last dismissed, on any channel; empty (never matches) if never. */
    public Integer getDaysSinceDismissed() {
        return customer.getInteractions().daysSince("dismiss", actionId).orElse(null);
    }

    /** The customer converted on this action before. */
    public boolean isConverted() {
        return customer.getInteractions().daysSince("convert", actionId).isPresent();
    }

    /** The customer is in this action's control group: chosen by a stable hash, so the same on every channel. */
    public boolean isHeldOut() {
        return holdoutShare > 0 && customer.isKnown() && ControlGroup.position(customer.getCustomerId(), actionId) < holdoutShare;
    }

    public double getHoldoutShare() { return holdoutShare; }

    /** Hour of the day (0-23) in the customer's time zone at decision time. */
    public int getLocalHour() {
        return customer.getLocalHour();
    }
    public boolean isHasCopy() { return body != null; }

    // ---- read by the pipeline ----------------------------------------------------------------

    public Customer customer() { return customer; }
    public List<String> suppressions() { return List.copyOf(suppressions); }
    public String subject() { return subject; }
    public String title() { return title; }
    public String body() { return body; }
    public String cta() { return cta; }
    public String url() { return url; }

    /** The customer's own ranking of this channel (0 = most preferred). */
    public int preferenceRank() {
        int index = customer.getPreferredChannels().indexOf(channel);
        return index >= 0 ? index : UNRANKED;
    }

    /** Retries the copy lookup in another language (the brand's default) when none matched. */
    public void fallBackToLanguage(String fallback) {
        record("copy-fallback", language + " -> " + fallback);
        this.language = fallback;
    }

    /** Set by the pipeline from the expected rate and the responses seen, before ranking. */
    public void learnedPropensity(double propensity) {
        this.propensity = propensity;
    }

    /** propensity x value x lever x context weight. */
    public double score() {
        return propensity * value * lever * contextWeight;
    }
}
