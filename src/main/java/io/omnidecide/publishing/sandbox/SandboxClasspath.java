package io.omnidecide.publishing.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The classpath a build process starts with: the classes this service runs on, wherever the launch
 * mode keeps them. {@code java.class.path} alone is not enough: the packaged fast-jar names only
 * {@code quarkus-run.jar} (its classes sit in {@code quarkus/}, {@code app/} and {@code lib/} beside
 * it, read through an index), surefire may name a manifest-only booter jar, and in dev and test
 * mode Quarkus loads the application's classes from their output folder and, in dev mode, the
 * libraries from the Maven repository.
 */
final class SandboxClasspath {

    private static final String FAST_JAR = "quarkus-run.jar";

    private SandboxClasspath() {
    }

    /** The classpath of this JVM, with the code of {@code anchor} (a class of this service) first. */
    static List<Path> of(Class<?> anchor) {
        return of(System.getProperty("java.class.path", ""), anchor);
    }

    static List<Path> of(String javaClassPath, Class<?> anchor) {
        List<Path> declared = Stream.of(javaClassPath.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
        if (declared.size() == 1 && declared.get(0).getFileName().toString().equals(FAST_JAR)) {
            return fastJar(declared.get(0).getParent());
        }
        Set<Path> entries = new LinkedHashSet<>();
        codeRoot(anchor).ifPresent(entries::add);
        declared.forEach(entry -> expand(entry, entries));
        loadedBy(anchor.getClassLoader(), entries);
        return List.copyOf(entries);
    }

    /**
     * The fast-jar's folders in the order its class loader reads them: classes Quarkus transformed
     * or generated, the application, its libraries, then the boot libraries.
     */
    private static List<Path> fastJar(Path app) {
        List<Path> entries = new ArrayList<>();
        for (String folder : List.of("quarkus", "app", "lib/main", "lib/boot")) {
            Path dir = app.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> jars = Files.list(dir)) {
                jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(entries::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return entries;
    }

    /** An entry, and what a jar's manifest Class-Path adds (surefire's booter jar, the dev-mode jar). */
    private static void expand(Path entry, Set<Path> entries) {
        if (!Files.exists(entry) || !entries.add(entry) || !Files.isRegularFile(entry)) {
            return;
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(entry.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            return;
        }
        String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        if (classPath == null) {
            return;
        }
        URI base = entry.toUri();
        for (String reference : classPath.trim().split("\\s+")) {
            try {
                expand(Path.of(base.resolve(reference)).normalize(), entries);
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                // A reference that is no file (a remote URL, a typo) cannot be on a local classpath.
            }
        }
    }

    /**
     * The jars a class loader reads, found by their manifests: in dev mode Quarkus loads the
     * libraries itself, from the Maven repository, and {@code java.class.path} names only its
     * launcher.
     */
    private static void loadedBy(ClassLoader loader, Set<Path> entries) {
        try {
            for (URL manifest : Collections.list(loader.getResources(JarFile.MANIFEST_NAME))) {
                String url = manifest.toString();
                if (url.startsWith("jar:file:") && url.indexOf("!/") == url.length() - JarFile.MANIFEST_NAME.length() - 2) {
                    entries.add(Path.of(URI.create(url.substring("jar:".length(), url.indexOf("!/")))));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot list the jars of " + loader, e);
        }
    }

    /** The folder or jar the anchor class was loaded from, when it is a local one. */
    private static Optional<Path> codeRoot(Class<?> anchor) {
        URL resource = anchor.getResource(anchor.getSimpleName() + ".class");
        if (resource == null) {
            return Optional.empty();
        }
        String url = resource.toString();
        String classFile = anchor.getName().replace('.', '/') + ".class";
        try {
            if (url.startsWith("file:") && url.endsWith(classFile)) {
                return Optional.of(Path.of(new URI(url.substring(0, url.length() - classFile.length()))));
            }
            if (url.startsWith("jar:file:") && url.contains("!/")) {
                return Optional.of(Path.of(new URI(url.substring("jar:".length(), url.indexOf("!/")))));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
