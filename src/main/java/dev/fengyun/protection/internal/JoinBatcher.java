package dev.fengyun.protection.internal;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Joins to waiting rooms, written in batches: when an on-sale opens, thousands of visitors join in
 * the same second, and one insert of everyone who arrived in the last moment costs the database
 * about what one insert of one visitor costs. Each caller still gets its own answer (its number, or
 * none while the room has not started). One writer thread per instance; a batch is whoever arrives
 * within 2 ms of its first join, up to {@link #MAX_BATCH}.
 */
@Component
class JoinBatcher {

    private static final Logger log = LoggerFactory.getLogger(JoinBatcher.class);
    private static final int MAX_BATCH = 1000;
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private static final String JOIN =
            """
            INSERT INTO waiting_room_visitors (performance_id, visitor, number)
            SELECT p.performance_id, v.visitor,
                   CASE WHEN now() < p.queue_starts_at THEN NULL ELSE nextval(CAST(:sequence AS regclass)) END
            FROM sale_protection p, unnest(CAST(:visitors AS uuid[])) AS v(visitor)
            WHERE p.performance_id = :id AND p.queue_starts_at IS NOT NULL
            RETURNING visitor, number
            """;

    private record Join(
            long performanceId, UUID visitor, CompletableFuture<Optional<Long>> answer) {}

    private final JdbcClient jdbc;
    private final BlockingQueue<Join> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    JoinBatcher(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.writer = new Thread(this::write, "waiting-room-joins");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * The visitor's number, {@link Protection#UNNUMBERED} before the room starts; empty when the
     * performance has no waiting room.
     */
    Optional<Long> join(long performanceId, UUID visitor) {
        Join join = new Join(performanceId, visitor, new CompletableFuture<>());
        waiting.add(join);
        try {
            return join.answer().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while joining", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new DataAccessResourceFailureException("join failed", e.getCause());
        } catch (TimeoutException e) {
            throw new DataAccessResourceFailureException("the database took too long", e);
        }
    }

    private void write() {
        List<Join> batch = new ArrayList<>();
        while (running) {
            try {
                Join first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // Linger a moment for the crowd behind the first: bigger batches, fewer commits.
                long until = System.nanoTime() + LINGER_NANOS;
                while (batch.size() < MAX_BATCH && System.nanoTime() < until) {
                    Join next = waiting.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    waiting.drainTo(batch, MAX_BATCH - batch.size());
                }
                Map<Long, List<Join>> byPerformance = new LinkedHashMap<>();
                for (Join join : batch) {
                    byPerformance
                            .computeIfAbsent(join.performanceId(), id -> new ArrayList<>())
                            .add(join);
                }
                byPerformance.forEach(this::insert);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void insert(long performanceId, List<Join> joins) {
        try {
            Map<UUID, Long> numbers = new HashMap<>();
            jdbc.sql(JOIN)
                    .param("id", performanceId)
                    .param("sequence", ProtectionStore.sequence(performanceId))
                    .param(
                            "visitors",
                            joins.stream().map(j -> j.visitor().toString()).toArray(String[]::new))
                    .query(
                            (ResultSet rs) -> {
                                long number = rs.getLong("number");
                                if (rs.wasNull()) {
                                    number = Protection.UNNUMBERED; // pre-queue
                                }
                                numbers.put(rs.getObject("visitor", UUID.class), number);
                            });
            for (Join join : joins) {
                join.answer().complete(Optional.ofNullable(numbers.get(join.visitor())));
            }
        } catch (RuntimeException e) {
            log.debug(
                    "Joins to the waiting room of performance {} failed: {}",
                    performanceId,
                    e.toString());
            joins.forEach(join -> join.answer().completeExceptionally(e));
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
    }
}
