package io.omnidecide.store;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The decision log, written off the decide's transaction and in batches: a record is queued when its
 * decide's transaction commits (so an outbound decide's customer lock is not held for it), and one
 * writer inserts every record waiting, with one statement execution and one commit for the lot. A
 * decide answers only once its record is committed, so every 200 has its record; a crash before that
 * loses only decisions nobody was answered with (an outbound one's impressions, counted in the
 * decide's transaction, remain: its caps then err towards contacting less). What waits is bounded by
 * the decides in flight, each of which waits at most {@link #WAIT} and then answers 503.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);
    /** Records per insert batch: enough to absorb a burst, small enough to keep one commit short. */
    static final int MAX_BATCH = 256;
    /** How long a decide waits for its record before answering 503. */
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final String INSERT = "insert into decision_record (decision_id, customer_id, channel, ruleset_version, request, "
            + "response, inputs, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)";

    /** One decision as the log stores it. */
    record Row(String decisionId, String customerId, String channel, String rulesetVersion, String request, String response,
            String inputs, OffsetDateTime decidedAt) {
    }

    private record Pending(Row row, CompletableFuture<Void> written) {
    }

    /** Put on the queue to stop the writer between batches: an interrupt inside a write would close H2's files. */
    private static final Pending STOP = new Pending(null, null);

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    private final DistributionSummary batches;

    public DecisionLog(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.batches = DistributionSummary.builder("omnidecide.decision.log.batch")
                .description("Decision records written per insert and commit").register(meters);
    }

    @PostConstruct
    void start() {
        Thread writer = new Thread(this::writeForever, "decision-log");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stops the writer. Nothing queued is acknowledged yet (each decide waits for its record), so
     * whatever is still queued at a stop was never answered with a 200.
     */
    @PreDestroy
    void stop() {
        queue.add(STOP);
    }

    /** Queues the record once the current transaction commits; {@link #awaitWritten} then waits for it. */
    void writeAfterCommit(Row row) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        waiting.put(row.decisionId(), written);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    queue.add(new Pending(row, written));
                } else {
                    waiting.remove(row.decisionId());
                }
            }
        });
    }

    /** Returns once the decision's record is committed; 503 (as a database unavailability) if that takes over {@link #WAIT}. */
    public void awaitWritten(String decisionId) {
        CompletableFuture<Void> written = waiting.remove(decisionId);
        if (written == null) {
            throw new IllegalStateException("no decision record is being written for " + decisionId);
        }
        try {
            written.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(new SQLTransientConnectionException("the decision log was not written within " + WAIT, e));
        } catch (ExecutionException e) {
            throw new IllegalStateException("the decision log could not be written", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void writeForever() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                write(batch);
            }
            if (stop) {
                return;
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (Pending p : batch) {
                    Row r = p.row();
                    insert.setString(1, r.decisionId());
                    insert.setString(2, r.customerId());
                    insert.setString(3, r.channel());
                    insert.setString(4, r.rulesetVersion());
                    insert.setString(5, r.request());
                    insert.setString(6, r.response());
                    insert.setString(7, r.inputs());
                    insert.setObject(8, r.decidedAt());
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            batches.record(batch.size());
            batch.forEach(p -> p.written().complete(null));
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("%d decision records could not be written: %s", batch.size(), e.getClass().getSimpleName());
            batch.forEach(p -> p.written().completeExceptionally(e));
        }
    }
}
