package io.omnidecide.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/events.md is what the validator checks; regenerate with ./mvnw test -Dtest=EventReferenceTest -Domnidecide.write-docs=true. */
class EventReferenceTest {

    private static final Path DOC = Path.of("docs/events.md");

    @Test
    void theEventReferenceIsGeneratedFromTheValidator() throws Exception {
        String generated = EventReference.markdown();
        if (Boolean.getBoolean("omnidecide.write-docs")) {
            Files.writeString(DOC, generated);
        }
        assertEquals(generated, Files.exists(DOC) ? Files.readString(DOC) : "",
                "docs/events.md differs from the code that validates events: rerun with -Domnidecide.write-docs=true");
    }

    @Test
    void everyTypeAndPropertyIsListed() {
        String doc = EventReference.markdown();
        for (EventType type : EventType.values()) {
            assertTrue(doc.contains("| `" + type.wireName() + "` |"), type.wireName());
            type.properties().forEach(p -> assertTrue(doc.contains("| `" + p.name() + "` | " + (p.required() ? "yes" : "no")), p.name()));
        }
        EventValidator.FIELDS.forEach(f -> assertTrue(doc.contains("| `" + f + "` |"), f));
    }
}
