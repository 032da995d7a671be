package io.omnidecide.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnavailabilityTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("pool exhausted, wrapped", new IllegalStateException(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))), true, false),
                Arguments.of("connection refused (state 08001)", new RuntimeException(new SQLException("refused", "08001")), true, false),
                Arguments.of("server shutting down (57P01)", new SQLException("terminating", "57P01"), true, false),
                Arguments.of("transient connection", new SQLTransientConnectionException("gone"), true, false),
                Arguments.of("commit refused as the connection died", new IllegalStateException(new jakarta.transaction.RollbackException("rolled back")),
                        true, false),
                Arguments.of("unique key violation (23505)", new RuntimeException(new SQLException("duplicate key", "23505")), false, false),
                Arguments.of("a bug", new NullPointerException(), false, false),
                Arguments.of("client closed the connection", new UncheckedIOException(new IOException(new ClosedChannelException())), false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void tellsAnUnavailableDatabaseAndAGoneClientFromABug(String name, Throwable failure, boolean database, boolean client) {
        assertEquals(database, Unavailability.databaseUnavailable(failure));
        assertEquals(client, Unavailability.clientGone(failure));
    }
}
