package io.omnidecide.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Unexpected failures are answered without internals and logged without personal data. */
class ProblemMappersTest {

    @Test
    void anUnexpectedFailureLogsNoPersonalDataAndAnswersWithAnErrorId() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    lines.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                            + " " + record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ProblemMappers.class.getName());
        logger.addHandler(capture);
        try {
            Exception failure = new IllegalStateException("insert failed",
                    new RuntimeException("duplicate key value (id_value)=(ada@example.com) already exists"));
            Response response = new ProblemMappers(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).unexpected(failure, uri("/v1/profiles/c-42"));
            assertEquals(500, response.getStatus());
            Problem problem = (Problem) response.getEntity();
            assertFalse(problem.detail().contains("ada@example.com"));
            String errorId = (String) problem.extensions().get("errorId");
            assertTrue(lines.stream().anyMatch(l -> l.contains(errorId)), lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.contains("ada@example.com")), lines.toString());
        } finally {
            logger.removeHandler(capture);
        }
    }

    private static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> method.getName().equals("getPath") ? path : null);
    }
}
