package io.omnidecide.api;

import static io.omnidecide.api.Api.getProfile;
import static io.omnidecide.api.Api.newCustomer;
import static io.omnidecide.api.Api.putProfile;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** PUT and GET /v1/profiles/{id}: what customers tell us, kept per field. */
@QuarkusTest
class ProfilesApiTest {

    private static final String ADA = """
            {"traits": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "locale": "en-GB", "country": "GB"},
             "identities": [{"type": "email", "value": " %s@Example.COM "}],
             "consent": {"email": {"status": "granted", "source": "signup_form"}, "sms": {"status": "denied"}},
             "preferredChannels": ["app", "email"]}""";

    /** Ada, with an e-mail identity of her own: an identity belongs to one customer only. */
    private static String ada(String id) {
        return ADA.formatted(id.toUpperCase());
    }

    @Test
    void putCreatesThenUpdatesAndGetReturnsWhatWasSaid() {
        String id = newCustomer("ada");
        putProfile(id, ada(id)).statusCode(201).body("customerId", equalTo(id));
        getProfile(id).statusCode(200)
                .body("traits.firstName", equalTo("Ada"))
                .body("traits.country", equalTo("GB"))
                .body("identities[0].type", equalTo("email"))
                .body("identities[0].value", equalTo(id.toLowerCase() + "@example.com"))
                .body("consent.email.status", equalTo("granted"))
                .body("consent.email.source", equalTo("signup_form"))
                .body("consent.email.updatedAt", notNullValue())
                .body("consent.sms.status", equalTo("denied"))
                .body("consent.sms.source", equalTo("profile_api"))
                .body("preferredChannels", contains("app", "email"))
                .body("lifecycleStage", equalTo("prospect"))
                .body("cart.items.size()", equalTo(0))
                .body("metrics.orders", equalTo(0));
    }

    @Test
    void fieldsLeftOutAreLeftAsTheyAre() {
        String id = newCustomer("partial");
        putProfile(id, ada(id)).statusCode(201);
        putProfile(id, "{\"traits\": {\"firstName\": \"Augusta\", \"lastName\": null}, \"consent\": {\"sms\": {\"status\": \"granted\", \"source\": \"store\"}}}")
                .statusCode(200);
        getProfile(id).body("traits.firstName", equalTo("Augusta"))
                .body("traits.lastName", nullValue())
                .body("traits.email", equalTo("ada@example.com"))
                .body("consent.email.status", equalTo("granted"))
                .body("consent.sms.status", equalTo("granted"))
                .body("preferredChannels", contains("app", "email"));
    }

    @Test
    void anUnknownCustomerIsA404Problem() {
        getProfile(newCustomer("ghost")).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://omnidecide.io/problems/unknown-customer"))
                .body("title", equalTo("No such customer"));
    }

    @Test
    void invalidFieldsAreProblemsNamingTheField() {
        String id = newCustomer("bad");
        putProfile(id, "{\"consent\": {\"email\": {\"status\": \"maybe\"}}}").statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("consent.email.status"));
        putProfile(id, "{\"consent\": {\"fax\": {\"status\": \"granted\"}}}").statusCode(400).body("field", equalTo("consent.fax"));
        putProfile(id, "{\"preferredChannels\": [\"app\", \"pigeon\"]}").statusCode(400).body("field", equalTo("preferredChannels"));
        putProfile(id, "{\"identities\": [{\"type\": \"Email Address\", \"value\": \"x\"}]}").statusCode(400).body("field", equalTo("identities"));
        putProfile(id, "{\"traits\": \"Ada\"}").statusCode(400).contentType("application/problem+json").body("field", equalTo("traits"));
        getProfile(id).statusCode(404);
    }

    @Test
    void anIdentityOfAnotherKnownCustomerIsAConflict() {
        String first = newCustomer("first");
        String second = newCustomer("second");
        putProfile(first, "{\"identities\": [{\"type\": \"phone\", \"value\": \"+46700000" + first.hashCode() + "\"}]}").statusCode(201);
        putProfile(second, "{\"identities\": [{\"type\": \"phone\", \"value\": \"+46700000" + first.hashCode() + "\"}]}")
                .statusCode(409).contentType("application/problem+json").body("field", equalTo("identities"));
    }
}
