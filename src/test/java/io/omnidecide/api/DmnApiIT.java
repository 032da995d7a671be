package io.omnidecide.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The DMN value tier in the packaged jar: the KIE DMN engine builds and evaluates there too. */
@QuarkusIntegrationTest
class DmnApiIT extends DmnApiTest {
}
