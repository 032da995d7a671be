package io.omnidecide.problem;

import jakarta.transaction.RollbackException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Reads a failure's cause chain for the two that are not the service's fault: the database could
 * not be reached, gave no connection in time or lost it at commit (the caller may retry: 503), and the client went
 * away before the answer was written (nobody to answer, nothing to alert on).
 */
final class Unavailability {

    /** Agroal's message when every connection stayed busy for the acquisition timeout. */
    private static final String POOL_EXHAUSTED = "Sorry, acquisition timeout!";

    private Unavailability() {
    }

    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A commit the database could not take (its connection died at that moment) ends as a
            // rollback with no SQL state left: nothing was kept, and the caller may retry.
            if (t instanceof SQLTransientConnectionException || t instanceof RollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && (POOL_EXHAUSTED.equals(sql.getMessage()) || connectionState(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static boolean clientGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Vert.x's HttpClosedException is matched by name: it is not on the API this package compiles against.
            if (t instanceof ClosedChannelException || t.getClass().getName().equals("io.vertx.core.http.HttpClosedException")) {
                return true;
            }
        }
        return false;
    }

    /** SQL state class 08 is a connection exception; 57P01-57P03 are PostgreSQL shutting down or not yet accepting. */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
