package io.omnidecide.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The build sandbox in the packaged jar: the build process starts from the fast-jar's folders. */
@QuarkusIntegrationTest
class BuildSandboxApiIT extends BuildSandboxApiTest {
}
