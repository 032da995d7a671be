package io.omnidecide.decision;

import static io.omnidecide.decision.StarterPack.buyer;
import static io.omnidecide.decision.StarterPack.customer;
import static io.omnidecide.decision.StarterPack.segmented;
import static io.omnidecide.decision.StarterPack.withCart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.facts.Customer;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The starter pack's lifecycle stages and segments, at their boundaries, on the real tables. */
class SegmentsTest {

    @Test
    void customerWhoNeverBoughtIsAProspect() {
        assertEquals("prospect", segmented(customer("web")).getLifecycleStage());
    }

    @ParameterizedTest(name = "first purchase {0} days ago, last {1} days ago: {2}")
    @CsvSource({
            "0, 0, new_customer",
            "30, 30, new_customer",
            "31, 10, active",
            "120, 89, active",
            "120, 90, at_risk",
            "300, 180, at_risk",
            "300, 181, lapsed",
            "900, 700, lapsed"})
    void lifecycleStageFollowsPurchaseDates(int firstDaysAgo, int lastDaysAgo, String stage) {
        assertEquals(stage, segmented(buyer("web", 2, firstDaysAgo, lastDaysAgo)).getLifecycleStage());
    }

    @Test
    void vipByLifetimeValueOrByOrders() {
        Customer byValue = buyer("web", 2, 100, 10);
        byValue.setLifetimeValue(1000);
        Customer byOrders = buyer("web", 10, 100, 10);
        byOrders.setLifetimeValue(300);
        Customer neither = buyer("web", 9, 100, 10);
        neither.setLifetimeValue(999.99);
        assertTrue(segmented(byValue).hasSegment("vip"));
        assertTrue(segmented(byOrders).hasSegment("vip"));
        assertFalse(segmented(neither).hasSegment("vip"));
    }

    @Test
    void cartAbandonerAfterAnHourWithoutPurchase() {
        assertTrue(segmented(withCart(customer("web"), "S", "Sneaker", 61)).hasSegment("cart_abandoner"));
        assertFalse(segmented(withCart(customer("web"), "S", "Sneaker", 60)).hasSegment("cart_abandoner"), "not yet an hour");
        Customer boughtSince = withCart(customer("web"), "S", "Sneaker", 300);
        boughtSince.setPurchasedSinceLastCartAdd(true);
        assertFalse(segmented(boughtSince).hasSegment("cart_abandoner"), "purchased after the last add");
        assertFalse(segmented(customer("web")).hasSegment("cart_abandoner"), "empty cart");
    }

    @Test
    void appBrowserWithoutPurchaseNeedsThreeSessionsInFourteenDays() {
        Customer browser = customer("app");
        browser.setAppSessions14d(3);
        Customer twoSessions = customer("app");
        twoSessions.setAppSessions14d(2);
        Customer buyer = buyer("app", 1, 5, 5);
        buyer.setAppSessions14d(5);
        assertTrue(segmented(browser).hasSegment("app_browser_no_purchase"));
        assertFalse(segmented(twoSessions).hasSegment("app_browser_no_purchase"));
        assertFalse(segmented(buyer).hasSegment("app_browser_no_purchase"));
    }

    @Test
    void emailEngagedFromTwoOpensOrClicks() {
        Customer engaged = customer("email");
        engaged.setEmailEngagement30d(2);
        Customer once = customer("email");
        once.setEmailEngagement30d(1);
        assertTrue(segmented(engaged).hasSegment("email_engaged"));
        assertFalse(segmented(once).hasSegment("email_engaged"));
    }

    @Test
    void acquisitionSegments() {
        Customer social = customer("web");
        social.setAcquisitionChannel("social");
        Customer retargeted = customer("web");
        retargeted.setAcquisitionChannel("web");
        retargeted.setAcquisitionCampaign("black-friday-Retargeting");
        assertTrue(segmented(social).hasSegment("social_acquired"));
        assertTrue(segmented(retargeted).hasSegment("retargeting_acquired"));
        assertFalse(segmented(retargeted).hasSegment("social_acquired"));
    }

    @Test
    void openSupportTicketAndReviewer() {
        Customer c = customer("web");
        c.setOpenSupportTickets(1);
        c.setReviewsPosted(2);
        segmented(c);
        assertTrue(c.hasSegment("open_support_ticket"));
        assertTrue(c.hasSegment("reviewer"));
        assertEquals(Set.of(), segmented(customer("web")).getSegments());
    }

    @Test
    void recommendationSkipsProductsAlreadyBought() {
        Customer c = buyer("web", 1, 5, 5);
        c.setPurchasedSkus(Set.of("ESPRESSO-MACHINE", "MILK-FROTHER"));
        assertEquals("COFFEE-GRINDER", segmented(c).getRecommendedSku(), "the first row's frother is owned, the second row wins");
        assertEquals("Burr coffee grinder", c.getRecommendedName());
    }
}
