package io.omnidecide.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to problem+json, once each: domain problems, unreadable JSON (with the path
 * of the field that did not fit), framework errors (404, 405, 415...), and anything unexpected
 * (logged, answered without internals). A database that cannot be reached is a 503 with
 * Retry-After, not a 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** A pool busy for its acquisition timeout frees up within a second or two; a database restart takes longer, and clients retry again. */
    private static final int RETRY_AFTER_SECONDS = 1;

    private final MeterRegistry meters;

    public ProblemMappers(MeterRegistry meters) {
        this.meters = meters;
    }

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(BindingProblems.of(e, uri.getPath()));
    }

    /** Quarkus maps this subtype itself (an empty 400) unless told otherwise. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family == Response.Status.Family.SERVER_ERROR) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Request failed"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        return respond(new Problem("about:blank", title, status, e.getMessage(), uri.getPath(), Map.of()));
    }

    /**
     * Logs the failure's type and where it happened, not its message: database and driver messages
     * quote the values involved (an e-mail address in a unique-key error), and logs must hold no
     * personal data. The full trace is at DEBUG, under the error id the caller receives.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (Unavailability.databaseUnavailable(e)) {
            LOG.warnf("Database unavailable on %s: answered 503", uri.getPath());
            return Response.fromResponse(respond(new Problem("https://omnidecide.io/problems/database-unavailable",
                    "The database is unavailable", 503, "the database could not be reached or gave no connection in time; retry shortly",
                    uri.getPath(), Map.of()))).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (Unavailability.clientGone(e)) {
            LOG.debugf("Client went away before the answer on %s", uri.getPath());
            return Response.status(499).build();
        }
        String errorId = UUID.randomUUID().toString();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StackTraceElement at = root.getStackTrace().length > 0 ? root.getStackTrace()[0] : null;
        LOG.errorf("Unexpected failure %s on %s: %s (root cause %s at %s)", errorId, uri.getPath(), e.getClass().getName(),
                root.getClass().getName(), at);
        LOG.debugf(e, "Unexpected failure %s", errorId);
        return respond(new Problem("https://omnidecide.io/problems/internal-error", "Internal error", 500,
                "the service failed to answer; the failure is logged under errorId " + errorId, uri.getPath(),
                Map.of("errorId", errorId)));
    }

    private Response respond(Problem problem) {
        meters.counter("omnidecide.problems", "status", String.valueOf(problem.status()),
                "type", problem.type().substring(problem.type().lastIndexOf('/') + 1)).increment();
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
