package io.omnidecide.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged jar, as an operator runs it. */
@QuarkusIntegrationTest
class EventsApiIT extends EventsApiTest {
}
