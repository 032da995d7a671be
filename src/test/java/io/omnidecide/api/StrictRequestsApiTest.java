package io.omnidecide.api;

import static io.omnidecide.api.Api.ago;
import static io.omnidecide.api.Api.decide;
import static io.omnidecide.api.Api.eventId;
import static io.omnidecide.api.Api.newCustomer;
import static io.omnidecide.api.Api.postEvents;
import static io.omnidecide.api.Api.putProfile;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A channel's mistakes are answered as mistakes: the field, and what it takes; never a guess, never a 500. */
@QuarkusTest
class StrictRequestsApiTest {

    private static void refused(String body, String field, String detailPart) {
        decide(body).statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field)).body("detail", containsString(detailPart));
    }

    @Test
    void aMisspeltDecideFieldIsRefusedWithTheFieldsItTakes() {
        refused("{\"customerId\": \"c-1\", \"channel\": \"web\", \"limt\": 3}", "limt", "this object takes:");
        decide("{\"customerId\": \"c-1\", \"channel\": \"web\", \"limt\": 3}").body("accepts", containsString("limit"));
        refused("{\"customerId\": \"c-1\", \"channel\": \"web\", \"identity\": {\"type\": \"email\", \"valeu\": \"a@b.c\"}}",
                "identity.valeu", "unknown field");
    }

    @Test
    void wrongTypesAreRefusedNotCoerced() {
        refused("{\"customerId\": \"c-1\", \"channel\": \"web\", \"limit\": \"2\"}", "limit", "a whole number");
        refused("{\"customerId\": \"c-1\", \"channel\": \"web\", \"limit\": 2.5}", "limit", "a whole number");
        refused("{\"customerId\": \"c-1\", \"channel\": \"web\", \"limit\": true}", "limit", "a whole number");
        refused("{\"customerId\": 42, \"channel\": \"web\"}", "customerId", "a string");
        refused("{\"customerId\": true, \"channel\": \"web\"}", "customerId", "a string");
        refused("{\"customerId\": \"c-1\", \"channel\": \"web\", \"limit\": 99999999999}", "limit", "a whole number");
        refused("{\"customerId\": \"c-1\", \"channel\": [\"web\"]}", "channel", "a string");
        refused("{\"customerId\": \"c-1\", \"channel\": \"web\", \"context\": \"home\"}", "context", "an object");
        refused("{\"customerId\": \"c-1\", \"channel\": \"web\", \"explain\": \"yes\"}", "explain", "'full'");
        refused("{\"customerId\": \"c-1\", \"channel\": \"web\", \"explain\": true}", "explain", "a string");
    }

    @Test
    void bodiesThatAreNotOneJsonObjectAreRefused() {
        decide("{\"customerId\": \"c-1\", \"channel\": \"web\"} trailing").statusCode(400).contentType("application/problem+json");
        decide("{\"customerId\": \"c-1\", \"channel\": ").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line 1"));
        decide("[1, 2]").statusCode(400).contentType("application/problem+json");
        decide("\"web\"").statusCode(400).contentType("application/problem+json");
        decide("null").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void channelsToChooseAmongGoWithAnyOnlyAndNameRealChannels() {
        decide("{\"customerId\": \"c-1\", \"channel\": \"any\", \"channels\": [\"app\", \"email\"]}").statusCode(200);
        refused("{\"customerId\": \"c-1\", \"channel\": \"web\", \"channels\": [\"app\"]}", "channels", "with channel 'web' leave it out");
        refused("{\"customerId\": \"c-1\", \"channel\": \"any\", \"channels\": [\"fax\"]}", "channels", "distinct channels from [web,");
        refused("{\"customerId\": \"c-1\", \"channel\": \"any\", \"channels\": []}", "channels", "non-empty");
        refused("{\"customerId\": \"c-1\", \"channel\": \"any\", \"channels\": \"app\"}", "channels", "an array");
    }

    @Test
    void aCustomerIdWithAnotherCustomersIdentityIsAConflictNamingBoth() {
        String ada = newCustomer("ada");
        String bob = newCustomer("bob");
        putProfile(ada, "{\"identities\": [{\"type\": \"email\", \"value\": \"" + ada + "@example.com\"}]}").statusCode(201);
        putProfile(bob, "{}").statusCode(201);
        decide("{\"customerId\": \"" + bob + "\", \"identity\": {\"type\": \"email\", \"value\": \"" + ada.toUpperCase()
                + "@example.com\"}, \"channel\": \"web\"}").statusCode(409).contentType("application/problem+json")
                .body("fields", hasItems("customerId", "identity")).body("identityOwner", equalTo(ada))
                .body("detail", containsString(bob));
        decide("{\"customerId\": \"" + ada + "\", \"identity\": {\"type\": \"email\", \"value\": \"" + ada + "@example.com\"}, \"channel\": \"web\"}")
                .statusCode(200).body("customerId", equalTo(ada));
        decide("{\"customerId\": \"" + bob + "\", \"identity\": {\"type\": \"Email\", \"value\": \"x\"}, \"channel\": \"web\"}")
                .statusCode(400).body("field", equalTo("identity"));
    }

    @Test
    void aBadEventItemIsRejectedAloneNamingTheField() {
        String id = newCustomer("strict");
        String good = "{\"id\": \"" + eventId() + "\", \"customerId\": \"" + id + "\", \"type\": \"page_view\", \"occurredAt\": \""
                + ago(Duration.ofMinutes(5)) + "\"}";
        String misspelt = "{\"id\": \"" + eventId() + "\", \"customerId\": \"" + id + "\", \"type\": \"page_view\", \"occuredAt\": \"2026-01-01T00:00:00Z\"}";
        String badIdentity = "{\"id\": \"" + eventId() + "\", \"identity\": {\"type\": \"email\", \"value\": \"a@b.c\", \"verified\": true},"
                + " \"type\": \"page_view\"}";
        postEvents("[" + good + "," + misspelt + "," + badIdentity + "]").statusCode(202)
                .body("accepted", equalTo(1)).body("rejected", equalTo(2))
                .body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo("occuredAt"))
                .body("errors[0].reason", containsString("occurredAt"))
                .body("errors[1].index", equalTo(2)).body("errors[1].field", equalTo("identity.verified"));
    }

    @Test
    void eventPropertiesAreCheckedAsTheReferenceSaysItemByItem() {
        String id = newCustomer("strict");
        String purchase = "{\"id\": \"" + eventId() + "\", \"customerId\": \"" + id + "\", \"type\": \"purchase\", \"properties\": "
                + "{\"items\": [{\"sku\": \"A\", \"price\": 10}, {\"sku\": \"B\", \"price\": \"ten\"}]}}";
        String consent = "{\"id\": \"" + eventId() + "\", \"customerId\": \"" + id + "\", \"type\": \"consent_changed\", \"properties\": "
                + "{\"channel\": \"fax\", \"status\": \"granted\"}}";
        String identify = "{\"id\": \"" + eventId() + "\", \"customerId\": \"" + id + "\", \"identity\": {\"type\": \"cookie\", \"value\": \"ck-1\"},"
                + " \"type\": \"identify\", \"properties\": {\"traits\": \"Ada\"}}";
        String good = "{\"id\": \"" + eventId() + "\", \"customerId\": \"" + id + "\", \"type\": \"purchase\", \"properties\": "
                + "{\"items\": [{\"sku\": \"A\", \"price\": 10, \"quantity\": 2}]}}";
        postEvents("[" + purchase + "," + consent + "," + identify + "," + good + "]").statusCode(202)
                .body("accepted", equalTo(1)).body("rejected", equalTo(3))
                .body("errors[0].field", equalTo("properties.items[1].price")).body("errors[0].reason", containsString("a number"))
                .body("errors[1].field", equalTo("properties.channel")).body("errors[1].reason", containsString("one of web, app"))
                .body("errors[2].field", equalTo("properties.traits")).body("errors[2].reason", containsString("an object"));
        Api.getProfile(id).statusCode(200).body("metrics.orders", equalTo(1));
    }

    @Test
    void otherRoutesAreStrictToo() {
        putProfile(newCustomer("strict"), "{\"trait\": {\"firstName\": \"Ada\"}}").statusCode(400).body("field", equalTo("trait"));
        Api.given().contentType(ContentType.JSON).body("{\"decisionId\": \"d\", \"actionId\": \"a\", \"outcome\": \"click\", \"chanel\": \"web\"}")
                .post("/v1/responses").then().statusCode(400).body("field", equalTo("chanel"));
    }
}
