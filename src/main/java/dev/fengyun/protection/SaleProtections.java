package dev.fengyun.protection;

import dev.fengyun.catalog.CatalogManagement;
import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.protection.internal.Challenges;
import dev.fengyun.protection.internal.Protection;
import dev.fengyun.protection.internal.ProtectionState;
import dev.fengyun.protection.internal.ProtectionStore;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Organizers turn protection of a performance's sale on, change it and turn it off. */
@Service
public class SaleProtections {

    private final CatalogManagement catalog;
    private final ProtectionStore store;
    private final ProtectionState state;
    private final Challenges challenges;

    SaleProtections(
            CatalogManagement catalog,
            ProtectionStore store,
            ProtectionState state,
            Challenges challenges) {
        this.catalog = catalog;
        this.store = store;
        this.state = state;
        this.challenges = challenges;
    }

    /** The protection of one of the organizer's performances; empty when its sale is open. */
    public Optional<SaleProtection> get(long organizerId, long performanceId) {
        catalog.performance(organizerId, performanceId); // 404 unless it is theirs
        return store.find(performanceId).map(SaleProtections::view);
    }

    /** Where the public may see what a performance's sale asks of them. */
    public Optional<SaleProtection> published(long performanceId) {
        return state.of(performanceId).map(SaleProtections::view);
    }

    public SaleProtection put(long organizerId, SaleProtection wanted) {
        catalog.performance(organizerId, wanted.performanceId());
        if (wanted.challengeBits() < 0
                || wanted.challengeBits() > SaleProtection.MAX_CHALLENGE_BITS) {
            throw new InvalidInput(
                    "challengeDifficulty",
                    "OUT_OF_RANGE",
                    "must be between 0 (no challenge) and " + SaleProtection.MAX_CHALLENGE_BITS);
        }
        SaleProtection.WaitingRoom room = wanted.waitingRoom();
        Optional<Protection> current = store.find(wanted.performanceId());
        if (current.isPresent() && current.get().shuffled()) {
            boolean sameStart =
                    room != null && Objects.equals(room.startsAt(), current.get().queueStartsAt());
            if (!sameStart) {
                throw new Conflict(
                        "WAITING_ROOM_STARTED",
                        "The waiting room has started; its start cannot move and it cannot be"
                                + " removed by a change. Turn protection off (DELETE) to end it.");
            }
        }
        store.save(wanted);
        state.refresh();
        return store.find(wanted.performanceId()).map(SaleProtections::view).orElseThrow();
    }

    /** Turns protection off; the waiting room and everyone in it are gone. */
    public boolean remove(long organizerId, long performanceId) {
        catalog.performance(organizerId, performanceId);
        boolean removed = store.delete(performanceId);
        state.refresh();
        return removed;
    }

    /** How far a performance's waiting room has got, as this instance last saw it. */
    public Optional<Progress> progress(long performanceId) {
        return state.of(performanceId)
                .filter(Protection::hasWaitingRoom)
                .map(p -> new Progress(p.shuffled(), p.total(), p.released()));
    }

    /** Visitors in the queue (from the start) and how many of them have been let in. */
    public record Progress(boolean started, long queued, long admitted) {}

    /** A proof-of-work challenge for a hold, if the performance's sale asks for one. */
    public Optional<Challenges.Issued> challenge(long performanceId) {
        return state.of(performanceId)
                .filter(p -> p.challengeBits() > 0)
                .map(p -> challenges.issue(performanceId, p.challengeBits()));
    }

    private static SaleProtection view(Protection p) {
        SaleProtection.WaitingRoom room =
                p.hasWaitingRoom()
                        ? new SaleProtection.WaitingRoom(
                                p.queueStartsAt(),
                                p.admitPerMinute(),
                                p.admitBatch(),
                                p.admissionMinutes())
                        : null;
        return new SaleProtection(p.performanceId(), room, p.challengeBits(), p.verifiedOnly());
    }
}
