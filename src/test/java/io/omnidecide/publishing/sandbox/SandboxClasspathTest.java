package io.omnidecide.publishing.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classpath of a build process in each way the service is launched (the packaged jar is also run by the *IT tests). */
class SandboxClasspathTest {

    @TempDir
    Path dir;

    @Test
    void thePackagedFastJarIsItsFoldersInTheOrderItsClassLoaderReadsThem() throws IOException {
        Path app = dir.resolve("quarkus-app");
        Path run = jar(app.resolve("quarkus-run.jar"), "lib/boot/b.jar");
        List<Path> jars = List.of(jar(app.resolve("quarkus/transformed-bytecode.jar"), null), jar(app.resolve("app/omnidecide.jar"), null),
                jar(app.resolve("lib/main/drools.jar"), null), jar(app.resolve("lib/main/poi.jar"), null), jar(app.resolve("lib/boot/b.jar"), null));
        Files.writeString(app.resolve("quarkus/quarkus-application.dat"), "index");

        assertEquals(jars, SandboxClasspath.of(run.toString(), SandboxClasspathTest.class));
    }

    @Test
    void aManifestOnlyJarSuchAsSurefiresBooterIsWhatItsManifestNames() throws IOException {
        Path library = jar(dir.resolve("repo/library.jar"), null);
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        Path booter = jar(dir.resolve("target/surefire/booter.jar"), "../../repo/library.jar " + classes.toUri() + " ../missing.jar");

        List<Path> classpath = SandboxClasspath.of(booter.toString(), SandboxClasspathTest.class);

        // This test's own classes first (in dev and test mode Quarkus loads them from their folder), then the booter's,
        // then the jars this test's class loader reads.
        assertEquals(Path.of(SandboxClasspathTest.class.getProtectionDomain().getCodeSource().getLocation().getPath()), classpath.get(0));
        assertEquals(List.of(booter, library, classes), classpath.subList(1, 4));
        assertTrue(classpath.stream().anyMatch(p -> p.getFileName().toString().startsWith("junit-jupiter-api")), classpath.toString());
    }

    @Test
    void thisTestsOwnClasspathHoldsTheServiceAndItsLibraries() {
        List<Path> classpath = SandboxClasspath.of(SandboxBuildMain.class);
        assertTrue(classpath.stream().anyMatch(p -> p.getFileName().toString().startsWith("drools-core")), classpath.toString());
        assertTrue(classpath.stream().anyMatch(p -> p.endsWith(Path.of("target", "classes"))), classpath.toString());
    }

    private static Path jar(Path path, String classPath) throws IOException {
        Files.createDirectories(path.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return path.toAbsolutePath().normalize();
    }
}
