package io.omnidecide.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every route closed to the wrong caller; keys, limits and the bootstrap as an operator meets them. */
@QuarkusTest
class AccessTest {

    /**
     * Who may call each route of the OpenAPI document. A new route must be added here, or
     * {@link #everyRouteIsClosedToTheWrongCaller} fails: deny by default holds for the tests too.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("POST /v1/events", Set.of("channel")),
            Map.entry("POST /v1/decide", Set.of("channel")),
            Map.entry("POST /v1/ping", Set.of("channel")),
            Map.entry("GET /v1/decisions/{decisionId}", Set.of("channel")),
            Map.entry("GET /v1/profiles/{customerId}", Set.of("channel")),
            Map.entry("PUT /v1/profiles/{customerId}", Set.of("channel")),
            Map.entry("POST /v1/keys", Set.of()),
            Map.entry("GET /v1/keys", Set.of()),
            Map.entry("DELETE /v1/keys/{name}", Set.of()),
            Map.entry("POST /v1/scenarios/run", Set.of("tester")),
            Map.entry("POST /v1/responses", Set.of("channel")),
            Map.entry("POST /v1/rulesets", Set.of("analyst")),
            Map.entry("GET /v1/rulesets", Set.of("analyst", "publisher")),
            Map.entry("GET /v1/rulesets/{id}", Set.of("analyst", "publisher")),
            Map.entry("GET /v1/rulesets/{id}/files", Set.of("analyst", "publisher")),
            Map.entry("GET /v1/rulesets/{id}/files/{name}", Set.of("analyst", "publisher")),
            Map.entry("POST /v1/rulesets/{id}/simulate", Set.of("analyst")),
            Map.entry("POST /v1/rulesets/{id}/publish", Set.of("publisher")),
            Map.entry("POST /v1/rulesets/{id}/rollback", Set.of("publisher")),
            Map.entry("GET /v1/rulesets/audit", Set.of("analyst", "publisher")));

    private static final List<String> ROLES = List.of("channel", "analyst", "publisher", "tester", "privacy");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyRouteIsClosedToTheWrongCaller() {
        String revoked = Keys.create(List.of("channel", "analyst", "publisher", "tester", "privacy"), null);
        revoke(Keys.nameOf(revoked));
        Map<String, String> keyOfRole = new java.util.HashMap<>();
        ROLES.forEach(role -> keyOfRole.put(role, Keys.create(List.of(role), null)));

        List<String> routes = routesOfTheOpenApiDocument();
        assertEquals(ALLOWED.keySet(), Set.copyOf(routes), "routes in /q/openapi");
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "someone");
            boolean multipart = route.equals("POST /v1/rulesets");
            expect(401, route, "no key", send(given(), method, path, multipart));
            // The key comes first, whatever the body: no 415, 413 or 400 tells a stranger about the route.
            expect(401, route, "no key and a body of the wrong type", given().contentType("text/plain").body("x").request(method, path));
            expect(401, route, "no key and bad JSON", given().contentType(ContentType.JSON).body("{\"limt\": ").request(method, path));
            expect(401, route, "no key and a body too large", given().contentType(ContentType.JSON)
                    .body("{\"pad\": \"" + "x".repeat(2_000_000) + "\"}").request(method, path));
            expect(401, route, "a made-up key", send(Keys.as("od_000000000000_madeup"), method, path, multipart));
            expect(401, route, "a made-up key and a body of the wrong type",
                    Keys.as("od_000000000000_madeup").contentType("text/plain").body("x").request(method, path));
            expect(401, route, "not a bearer key", send(given().header("Authorization", "Basic YWRtaW46YWRtaW4="), method, path, multipart));
            expect(401, route, "a revoked key", send(Keys.as(revoked), method, path, multipart));
            for (String role : ROLES) {
                if (!ALLOWED.get(route).contains(role)) {
                    Response refused = send(Keys.as(keyOfRole.get(role)), method, path, multipart);
                    expect(403, route, "a " + role + " key", refused);
                    assertTrue(refused.jsonPath().getList("allowedRoles").containsAll(ALLOWED.get(route)),
                            route + " names the roles allowed: " + refused.asString());
                }
            }
        }
    }

    @Test
    void aPathThatIsNoRouteIsAlso401WithoutAKey() {
        expect(401, "GET /v1/nowhere", "no key", given().get("/v1/nowhere"));
        expect(404, "GET /v1/nowhere", "a channel key", Api.given().get("/v1/nowhere"));
    }

    private static List<String> routesOfTheOpenApiDocument() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        List<String> routes = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> routes.add(m.toUpperCase() + " " + path)));
        return routes;
    }

    private static Response send(RequestSpecification request, String method, String path, boolean multipart) {
        return multipart
                ? request.contentType("multipart/form-data").multiPart("file", "x.drl", new byte[] {'x'}).request(method, path)
                : request.contentType(ContentType.JSON).body("{}").request(method, path);
    }

    private static void expect(int status, String route, String caller, Response response) {
        assertEquals(status, response.statusCode(), route + " with " + caller + ": " + response.asString());
        assertEquals("application/problem+json", response.contentType(), route + " with " + caller);
    }

    @Test
    void aKeyIsShownOnceListedWithoutItsSecretAndRevokedAtOnce() {
        String key = Keys.create(List.of("channel"), null);
        String name = Keys.nameOf(key);
        Keys.as(key).get("/v1/profiles/{id}", "nobody-" + name).then().statusCode(404);
        Keys.as(Keys.admin()).get("/v1/keys").then().statusCode(200)
                .body("name", hasItem(name))
                .body("find { it.name == '" + name + "' }.roles", equalTo(List.of("channel")))
                .body("find { it.name == '" + name + "' }.lastUsedAt", notNullValue())
                .body(not(containsString(key.substring(16))));
        revoke(name);
        Keys.as(key).get("/v1/profiles/{id}", "nobody-" + name).then().statusCode(401);
        Keys.as(Keys.admin()).get("/v1/keys").then().body("find { it.name == '" + name + "' }.revoked", equalTo(true));
    }

    @Test
    void keysAreCheckedWhenCreatedAndTheLastAdminStays() {
        RequestSpecification admin = Keys.as(Keys.admin()).contentType(ContentType.JSON);
        admin.body("{\"name\": \"Bad Name!\", \"roles\": [\"channel\"]}").post("/v1/keys").then().statusCode(400).body("field", equalTo("name"));
        Keys.as(Keys.admin()).contentType(ContentType.JSON).body("{\"name\": \"no-roles\", \"roles\": [\"wizard\"]}").post("/v1/keys")
                .then().statusCode(400).body("field", equalTo("roles"));
        Keys.as(Keys.admin()).contentType(ContentType.JSON).body("{\"name\": \"admin\", \"roles\": [\"channel\"]}").post("/v1/keys")
                .then().statusCode(409);
        Keys.as(Keys.admin()).delete("/v1/keys/admin").then().statusCode(409).body("detail", containsString("last admin key"));
        Keys.as(Keys.admin()).delete("/v1/keys/no-such-key").then().statusCode(404);
    }

    @Test
    void aKeyOverItsRateIsToldToRetryLater() {
        // One request per second: the second of any two requests within a second is over the rate.
        String key = Keys.create(List.of("channel"), 1);
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 10 && retryAfter == null; i++) {
            Response response = Keys.as(key).get("/v1/profiles/{id}", "nobody");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                retryAfter = response.header("Retry-After");
                assertEquals("application/problem+json", response.contentType());
            }
        }
        assertTrue(statuses.contains(429), "statuses " + statuses);
        assertEquals(404, statuses.get(0), "within the rate the request is served");
        assertTrue(Integer.parseInt(retryAfter) >= 1);
    }

    @Test
    void oversizeBodiesAreRefusedBeforeAnyWork() {
        String big = "{\"customerId\": \"c\", \"channel\": \"web\", \"context\": {\"pad\": \"" + "x".repeat(70_000) + "\"}}";
        Api.given().contentType(ContentType.JSON).body(big).post("/v1/decide").then().statusCode(413)
                .contentType("application/problem+json").body("maxBytes", equalTo(65536));
    }

    @Test
    void theBootstrapKeyFileIsTheOwnersOnlyAndNoKeyIsStoredInPlainText() throws Exception {
        Path file = Path.of(System.getProperty("test.admin-key-file", "target/test-admin-key"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> keys = List.of(Keys.admin(), Keys.channel(), Keys.create(List.of("tester"), null));
        String everything = dumpEveryTable();
        for (String key : keys) {
            assertFalse(everything.contains(key), "a key is stored in plain text");
            assertFalse(everything.contains(key.substring(16)), "a key's secret is stored in plain text");
        }
        assertTrue(everything.contains(Keys.nameOf(keys.get(2))), "the dump did read the key table");
    }

    /** Every value of every table of the service, as text: what a database dump would show. */
    private String dumpEveryTable() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.stream().anyMatch(t -> t.equalsIgnoreCase("api_key")), "tables " + tables);
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("select * from " + table)) {
                    while (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            dump.append(rows.getString(i)).append('\n');
                        }
                    }
                }
            }
        }
        return dump.toString();
    }

    private static void revoke(String name) {
        Keys.as(Keys.admin()).delete("/v1/keys/{name}", name).then().statusCode(204);
    }
}
