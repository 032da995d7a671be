package io.omnidecide.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** API keys for the tests, made the way README tells a newcomer: from the bootstrap admin key. */
final class Keys {

    private static String channel;
    private static String channelAdmin;
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private Keys() {
    }

    /** The admin key the service wrote at its first start. */
    static String admin() {
        Path file = Path.of(System.getProperty("test.admin-key-file", "target/test-admin-key"));
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("the service did not write its admin key to " + file, e);
        }
    }

    /** One channel key per service started, with a limit no test reaches. */
    static synchronized String channel() {
        String admin = admin();
        // The packaged jar starts again, on an empty database with a new admin key, for each test profile.
        if (channel == null || !admin.equals(channelAdmin)) {
            channel = create(List.of("channel"), 100_000);
            channelAdmin = admin;
        }
        return channel;
    }

    static String create(List<String> roles, Integer rateLimit) {
        String name = "test-" + String.join("-", roles) + "-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\": \"" + name + "\", \"roles\": [\"" + String.join("\", \"", roles) + "\"]"
                + (rateLimit == null ? "" : ", \"rateLimitPerSecond\": " + rateLimit) + "}";
        String key = as(admin()).contentType(ContentType.JSON).body(body).post("/v1/keys").then().statusCode(201).extract().path("key");
        NAMES.put(key, name);
        return key;
    }

    /** The name a key was created under by {@link #create}. */
    static String nameOf(String key) {
        return NAMES.get(key);
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }
}
