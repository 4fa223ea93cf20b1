package dev.fengyun.protection.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every protected performance, as this instance last read it (at most about a second old). Guards
 * and waiting-room polls read only this, never the database. Each instance also runs the waiting
 * rooms' clock once a second: the shuffle at the start and the admissions after it are single
 * conditional updates, so any number of instances may tick together and the queue still advances at
 * the configured rate.
 */
@Component
public class ProtectionState {

    private static final Logger log = LoggerFactory.getLogger(ProtectionState.class);

    private final ProtectionStore store;
    private final Clock clock;
    private volatile Map<Long, Protection> protections = Map.of();
    private final Map<Long, Map<UUID, Long>> prequeues = new ConcurrentHashMap<>();

    ProtectionState(ProtectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Optional<Protection> of(long performanceId) {
        return Optional.ofNullable(protections.get(performanceId));
    }

    /** Reads again at once (after an organizer changed the settings here). */
    public void refresh() {
        Map<Long, Protection> fresh = new ConcurrentHashMap<>();
        for (Protection protection : store.all()) {
            fresh.put(protection.performanceId(), protection);
        }
        prequeues.keySet().removeIf(id -> !fresh.containsKey(id) || !fresh.get(id).shuffled());
        protections = fresh;
    }

    /**
     * A pre-queue visitor's shuffled number: from this instance's copy of the shuffle (loaded
     * once), else from the database (a join that committed during the shuffle).
     */
    Optional<Long> shuffledNumber(Protection protection, UUID visitor) {
        Map<UUID, Long> numbers =
                prequeues.computeIfAbsent(
                        protection.performanceId(),
                        id -> new ConcurrentHashMap<>(store.prequeue(id)));
        Long number = numbers.get(visitor);
        if (number != null) {
            return Optional.of(number);
        }
        return store.number(protection.performanceId(), visitor)
                .filter(n -> n != Protection.UNNUMBERED);
    }

    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    void tick() {
        try {
            List<Protection> rooms =
                    protections.values().stream()
                            .filter(Protection::hasWaitingRoom)
                            .filter(p -> !clock.instant().isBefore(p.queueStartsAt()))
                            .toList();
            for (Protection room : rooms) {
                if (!room.shuffled()) {
                    if (store.shuffleIfDue(room.performanceId())) {
                        log.info(
                                "Waiting room of performance {} started: pre-queue shuffled",
                                room.performanceId());
                    }
                } else {
                    store.advance(room.performanceId());
                }
            }
            refresh();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next tick catches up (the rate accrues).
            log.warn("Waiting rooms not advanced this second: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forgetSpentProofs() {
        try {
            store.forgetSpent();
        } catch (RuntimeException e) {
            log.warn("Expired single-use proofs not removed: {}", e.toString());
        }
    }
}
