package io.omnidecide.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** What a channel does over HTTP, shared by the API tests. */
final class Api {

    private Api() {
    }

    /** A customer id no other test uses: the tests share one database. */
    static String newCustomer(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String eventId() {
        return "evt-" + UUID.randomUUID();
    }

    /** An ISO-8601 time so long before now. */
    static String ago(Duration duration) {
        return Instant.now().minus(duration).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A request as a channel sends it, with the channel's key. */
    static RequestSpecification given() {
        return Keys.as(Keys.channel());
    }

    /** A UTC offset (such as "+05:00") at which it is now about the given hour of the day. */
    static String zoneAtLocalHour(int localHour) {
        int offset = Math.floorMod(localHour - Instant.now().atOffset(java.time.ZoneOffset.UTC).getHour() + 12, 24) - 12;
        return java.time.ZoneOffset.ofHours(offset).getId();
    }

    static ValidatableResponse postEvents(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/v1/events").then();
    }

    static ValidatableResponse putProfile(String customerId, String json) {
        return given().contentType(ContentType.JSON).body(json).when().put("/v1/profiles/{id}", customerId).then();
    }

    static ValidatableResponse getProfile(String customerId) {
        return given().when().get("/v1/profiles/{id}", customerId).then();
    }

    static ValidatableResponse decide(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/v1/decide").then();
    }

    /** One event as JSON; properties is a JSON object text or null. */
    static String event(String id, String customerId, String type, String channel, String occurredAt, String properties) {
        return "{\"id\":\"" + id + "\",\"customerId\":\"" + customerId + "\",\"type\":\"" + type + "\""
                + (channel == null ? "" : ",\"channel\":\"" + channel + "\"")
                + ",\"occurredAt\":\"" + occurredAt + "\""
                + (properties == null ? "" : ",\"properties\":" + properties) + "}";
    }
}
