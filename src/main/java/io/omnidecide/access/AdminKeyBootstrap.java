package io.omnidecide.access;

import io.omnidecide.OmnidecideConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A newcomer's way in: on a start with no key at all, creates an admin key and writes it to a file
 * only the owner can read. The log says where the file is, never the key.
 */
@ApplicationScoped
public class AdminKeyBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminKeyBootstrap.class);

    private final ApiKeyService keys;
    private final Path file;

    public AdminKeyBootstrap(ApiKeyService keys, OmnidecideConfig config) {
        this.keys = keys;
        this.file = Path.of(config.security().adminKeyFile()).toAbsolutePath().normalize();
    }

    void onStart(@Observes StartupEvent start) {
        if (keys.anyKeyExists()) {
            return;
        }
        CreatedKey admin = keys.create(new KeyRequest("admin", List.of(Roles.ADMIN), null));
        write(admin.key());
        LOG.infof("No API key existed, so an admin key was created. It is in %s (readable by its owner only); "
                + "use it to create keys for channels and people with POST /v1/keys.", file);
    }

    private void write(String key) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("cannot restrict " + file + " to its owner on this file system", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin key to " + file, e);
        }
    }
}
