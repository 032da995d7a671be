package io.omnidecide.decision;

import static io.omnidecide.decision.StarterPack.actionIds;
import static io.omnidecide.decision.StarterPack.buyer;
import static io.omnidecide.decision.StarterPack.consenting;
import static io.omnidecide.decision.StarterPack.customer;
import static io.omnidecide.decision.StarterPack.decide;
import static io.omnidecide.decision.StarterPack.withCart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.facts.Customer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every starter-pack action: when it is chosen, on which channel, with what message, and when it is held back. */
class ActionsTest {

    private static ActionResult only(DecisionOutcome outcome, String actionId) {
        return outcome.actions().stream().filter(a -> a.actionId().equals(actionId)).findFirst()
                .orElseThrow(() -> new AssertionError(actionId + " not in " + actionIds(outcome) + "; suppressed " + outcome.suppressed()));
    }

    @Test
    void abandonedCartReminderGreetsByNameAndNamesTheItem() {
        Customer c = consenting(withCart(customer("email"), "SNEAKER-42", "Trail sneaker", 120), "email");
        DecisionOutcome outcome = decide(c, 1);
        ActionResult top = outcome.actions().get(0);
        assertEquals("abandoned_cart_reminder", top.actionId());
        assertEquals("email", top.channel());
        assertEquals("Ada, your Trail sneaker is waiting", top.message().subject());
        assertTrue(top.message().body().startsWith("Hi Ada, your Trail sneaker is still in your cart"));
        assertTrue(top.reasons().stream().anyMatch(r -> r.source().equals("decision-tables/eligibility.drl.csv row 12")),
                "cites the eligibility row: " + top.reasons());
    }

    @Test
    void unknownFirstNameFallsBackToTheTemplatesWord() {
        Customer c = consenting(withCart(customer("email"), "SNEAKER-42", "Trail sneaker", 120), "email");
        c.setFirstName(null);
        assertEquals("Hi, your Trail sneaker is waiting", decide(c, 1).actions().get(0).message().subject());
    }

    @Test
    void welcomeOnboardingForANewCustomer() {
        ActionResult welcome = only(decide(consenting(buyer("email", 1, 3, 3), "email"), 5), "welcome_onboarding");
        assertTrue(welcome.message().subject().startsWith("Welcome, Ada"));
    }

    @Test
    void crossSellRecommendsWhatGoesWithThePurchaseAndNeverWhatWasBought() {
        Customer c = consenting(buyer("email", 1, 40, 40), "email");
        ActionResult cross = only(decide(c, 5), "cross_sell");
        assertTrue(cross.message().body().contains("Milk frother"), cross.message().body());
        assertEquals("https://shop.example.com/p/MILK-FROTHER", cross.message().url());

        Customer ownsAll = consenting(buyer("email", 1, 40, 40), "email");
        ownsAll.setPurchasedSkus(Set.of("MILK-FROTHER", "COFFEE-GRINDER", "ESPRESSO-CUPS"));
        assertFalse(actionIds(decide(ownsAll, 10)).contains("cross_sell"));
    }

    @Test
    void appRewardsNudgeForTheInAppBrowserWhoNeverBuys() {
        Customer c = customer("web");
        c.setAppSessions14d(4);
        c.setAppSessions30d(4);
        ActionResult nudge = only(decide(c, 5), "app_rewards_nudge");
        assertEquals("web", nudge.channel());
        assertTrue(nudge.message().title().contains("app"));
    }

    @Test
    void winBackForAtRiskAndLapsed() {
        assertTrue(actionIds(decide(consenting(buyer("email", 3, 400, 120), "email"), 5)).contains("win_back"));
        assertTrue(actionIds(decide(consenting(buyer("email", 3, 400, 200), "email"), 5)).contains("win_back"));
        assertFalse(actionIds(decide(consenting(buyer("email", 3, 400, 20), "email"), 5)).contains("win_back"));
    }

    @Test
    void vipEarlyAccessForVipsStillBuying() {
        Customer vip = consenting(buyer("email", 12, 400, 20), "email");
        assertEquals("vip_early_access", decide(vip, 1).actions().get(0).actionId());
        Customer lapsedVip = consenting(buyer("email", 12, 900, 400), "email");
        assertFalse(actionIds(decide(lapsedVip, 10)).contains("vip_early_access"), "a lapsed VIP is won back first");
    }

    @Test
    void newsletterSignupForProspectsNotSubscribed() {
        assertEquals("newsletter_signup", decide(customer("web"), 1).actions().get(0).actionId());
        Customer subscribed = customer("web");
        subscribed.setNewsletterSubscribed(true);
        assertFalse(actionIds(decide(subscribed, 10)).contains("newsletter_signup"));
    }

    @Test
    void pushOptInOnlyInTheAppForAppUsersWithoutPushConsent() {
        Customer appUser = customer("app");
        appUser.setAppSessions30d(1);
        assertEquals("app", only(decide(appUser, 10), "push_opt_in").channel());
        Customer opted = consenting(customer("app"), "push");
        opted.setAppSessions30d(1);
        assertFalse(actionIds(decide(opted, 10)).contains("push_opt_in"));
    }

    @Test
    void reviewRequestOneToFourWeeksAfterAPurchase() {
        assertTrue(actionIds(decide(consenting(buyer("email", 2, 100, 7), "email"), 10)).contains("review_request"));
        assertFalse(actionIds(decide(consenting(buyer("email", 2, 100, 6), "email"), 10)).contains("review_request"));
        Customer reviewer = consenting(buyer("email", 2, 100, 10), "email");
        reviewer.setReviewsPosted(1);
        assertFalse(actionIds(decide(reviewer, 10)).contains("review_request"));
    }

    @Test
    void storePickupForACartOfAStoreVisitor() {
        Customer c = withCart(customer("web"), "KETTLE", "Kettle", 5);
        c.setEngagement30d(Map.of("store", 1));
        assertTrue(only(decide(c, 10), "store_pickup").message().body().contains("Kettle"));
    }

    @Test
    void anActionShownFiveTimesAcrossChannelsInTwoWeeksRests() {
        java.time.Instant now = java.time.Instant.now();
        java.util.function.Function<Integer, Customer> shownTimes = times -> {
            Customer c = consenting(withCart(customer("email"), "S", "Sneaker", 300), "email");
            List<String> channels = List.of("web", "web", "app", "app", "push");
            List<io.omnidecide.facts.Interactions.Interaction> shown = new java.util.ArrayList<>();
            for (int i = 0; i < times; i++) {
                shown.add(new io.omnidecide.facts.Interactions.Interaction("abandoned_cart_reminder", channels.get(i), "marketing",
                        "impression", now.minus(java.time.Duration.ofDays(2L + 2 * i))));
            }
            c.setInteractions(new io.omnidecide.facts.Interactions(shown, now));
            return c;
        };
        assertEquals("abandoned_cart_reminder", decide(shownTimes.apply(4), 1).actions().get(0).actionId(), "the fifth may go out");
        DecisionOutcome capped = decide(shownTimes.apply(5), 1);
        assertTrue(capped.actions().isEmpty());
        assertTrue(capped.suppressed().get(0).reason().startsWith("action cap"), capped.suppressed().toString());
    }

    @Test
    void theFallbackShowsOnlyWhenNothingElseQualifies() {
        Customer subscribed = customer("web");
        subscribed.setNewsletterSubscribed(true);
        assertEquals(List.of("brand_story"), actionIds(decide(subscribed, 3)));
        assertFalse(actionIds(decide(customer("web"), 3)).contains("brand_story"), "the newsletter offer qualifies");
        assertTrue(decide(consenting(customer("email"), "email"), 3).actions().isEmpty(), "no fallback on e-mail");
    }

    @Test
    void aCategoryGetsOneSlotUnlessTheTableAllowsSeveral() {
        Customer c = consenting(withCart(buyer("email", 12, 400, 20), "S", "Sneaker", 300), "email");
        assertEquals(3, decide(c, 3).actions().size(), "the starter pack lets marketing have several");
        io.omnidecide.ruleset.Ruleset onePerCategory = new io.omnidecide.ruleset.RulesetCompiler(java.time.Clock.systemUTC()).compile(
                io.omnidecide.ruleset.RulesetFolders.read(java.nio.file.Path.of("rules"), java.nio.file.Path.of("decision-tables")).stream()
                        .map(f -> f.path().endsWith("actions.drl.csv") ? new io.omnidecide.ruleset.RulesetFile(f.path(),
                                f.text().replace(",true,", ",,").getBytes(java.nio.charset.StandardCharsets.UTF_8)) : f)
                        .toList());
        DecisionOutcome outcome = new DecisionPipeline("en").decide(onePerCategory,
                consenting(withCart(buyer("email", 12, 400, 20), "S", "Sneaker", 300), "email"), 3);
        assertEquals(List.of("abandoned_cart_reminder"), actionIds(outcome));
    }

    @Test
    void openSupportTicketAllowsOnlyServiceMessages() {
        Customer c = consenting(withCart(buyer("email", 12, 400, 20), "S", "Sneaker", 300), "email");
        c.setOpenSupportTickets(1);
        DecisionOutcome outcome = decide(c, 10);
        assertEquals(List.of("service_recovery"), actionIds(outcome));
        assertTrue(outcome.suppressed().stream().anyMatch(s -> s.actionId().equals("abandoned_cart_reminder")
                && s.reason().equals("open support ticket: service before promotion")), outcome.suppressed().toString());
    }

    @Test
    void serviceMessagesNeedNoMarketingConsent() {
        Customer c = customer("sms");
        c.setOpenSupportTickets(1);
        assertEquals("service_recovery", decide(c, 1).actions().get(0).actionId());
    }

    @Test
    void serviceMessagesRespectAChannelTheCustomerRefused() {
        Customer c = customer("sms");
        c.setOpenSupportTickets(1);
        c.setConsent(Map.of("sms", "denied"));
        DecisionOutcome outcome = decide(c, 1);
        assertTrue(outcome.actions().isEmpty());
        assertTrue(outcome.suppressed().get(0).reason().startsWith("the customer refused this channel"));
    }

    @Test
    void noMarketingOnEmailSmsOrPushWithoutGrantedConsent() {
        for (String channel : List.of("email", "sms", "push")) {
            Customer c = withCart(customer(channel), "S", "Sneaker", 300);
            c.setConsent(Map.of(channel, "unknown"));
            DecisionOutcome outcome = decide(c, 10);
            assertTrue(outcome.actions().isEmpty(), channel + ": " + actionIds(outcome));
            SuppressedAction held = outcome.suppressed().stream().filter(s -> s.actionId().equals("abandoned_cart_reminder"))
                    .findFirst().orElseThrow();
            assertEquals("no granted consent for marketing on this channel", held.reason());
            assertNotNull(held.rule(), "names the policy row");
        }
    }

    @Test
    void webAndAppArePersonalisedUnlessTheCustomerOptedOut() {
        Customer optedOut = withCart(customer("web"), "S", "Sneaker", 300);
        optedOut.setConsent(Map.of("web", "denied"));
        assertFalse(actionIds(decide(optedOut, 10)).contains("abandoned_cart_reminder"));
        assertTrue(actionIds(decide(withCart(customer("web"), "S", "Sneaker", 300), 10)).contains("abandoned_cart_reminder"));
    }

    @Test
    void anyChannelPicksThePreferredConsentedChannelPerAction() {
        Customer c = withCart(customer("any"), "S", "Sneaker", 300);
        c.setPreferredChannels(List.of("sms", "push", "email"));
        c.setConsent(Map.of("push", "granted", "email", "granted"));
        assertEquals("push", only(decide(c, 10), "abandoned_cart_reminder").channel(), "sms is preferred but not consented");

        Customer noPreference = withCart(customer("any"), "S", "Sneaker", 300);
        noPreference.setConsent(Map.of("email", "granted"));
        assertEquals("email", only(decide(noPreference, 10), "abandoned_cart_reminder").channel(), "the brand's first channel");
    }

    @Test
    void swedishCustomerGetsSwedishCopyAndOtherLanguagesFallBackToEnglish() {
        Customer swede = consenting(withCart(customer("email"), "S", "Löparsko", 300), "email");
        swede.setLanguage("sv");
        ActionResult sv = decide(swede, 1).actions().get(0);
        assertEquals("sv", sv.message().language());
        assertEquals("Ada, din Löparsko väntar", sv.message().subject());

        Customer german = consenting(withCart(customer("email"), "S", "Laufschuh", 300), "email");
        german.setLanguage("de");
        assertEquals("en", decide(german, 1).actions().get(0).message().language());
    }

    @Test
    void rankingFollowsPropensityTimesValueAndLimitIsHonoured() {
        Customer c = consenting(withCart(buyer("email", 12, 400, 20), "S", "Sneaker", 300), "email");
        DecisionOutcome outcome = decide(c, 3);
        assertEquals(3, outcome.actions().size());
        assertEquals(List.of("abandoned_cart_reminder", "vip_early_access", "cross_sell"), actionIds(outcome));
        ActionResult top = outcome.actions().get(0);
        // No responses yet: the propensity is the expected 90% plus one standard deviation of a prior worth 100 responses.
        assertEquals(0.9299, top.scoreTerms().propensity(), 1e-4);
        assertEquals(80.0, top.scoreTerms().value());
        assertEquals(top.scoreTerms().propensity() * 80.0, top.score(), 0.01);
    }

    @Test
    void leversAndContextWeightsFromTheLeversTableMultiplyTheScore() {
        Customer checkout = consenting(buyer("web", 1, 40, 40), "email");
        checkout.setPlacement("checkout");
        ActionResult cross = only(decide(checkout, 5), "cross_sell");
        assertEquals(1.5, cross.scoreTerms().contextWeight());
        assertTrue(cross.reasons().stream().anyMatch(r -> r.source().equals("decision-tables/levers.drl.csv row 12")), cross.reasons().toString());
        ActionResult winBack = only(decide(consenting(buyer("email", 3, 400, 120), "email"), 5), "win_back");
        assertEquals(1.2, winBack.scoreTerms().lever());
    }

    @Test
    void anActionWithClearlyBetterResponsesOvertakesAWorseOne() {
        // A new customer on the web: welcome (75% expected) outranks the cross-sell (60%) before any response.
        assertEquals("welcome_onboarding", decide(buyer("web", 1, 3, 3), 1).actions().get(0).actionId());
        // 300 impressions each in this segment: the cross-sell drew 150 clicks, the welcome 3.
        io.omnidecide.facts.ResponseCounts learned = (action, channel, segment) -> switch (action) {
            case "cross_sell" -> new io.omnidecide.facts.ResponseCounts.Counts(300, 150);
            case "welcome_onboarding" -> new io.omnidecide.facts.ResponseCounts.Counts(300, 3);
            default -> io.omnidecide.facts.ResponseCounts.Counts.ZERO;
        };
        DecisionOutcome after = new DecisionPipeline("en").decide(StarterPack.RULESET, buyer("web", 1, 3, 3), 2, learned, false);
        assertEquals(List.of("cross_sell", "welcome_onboarding"), actionIds(after));
    }

    @Test
    void sameInputsGiveTheSameAnswer() {
        Customer first = consenting(withCart(buyer("any", 12, 400, 20), "S", "Sneaker", 300), "email", "push");
        Customer second = consenting(withCart(buyer("any", 12, 400, 20), "S", "Sneaker", 300), "email", "push");
        assertEquals(decide(first, 5), decide(second, 5));
    }
}
