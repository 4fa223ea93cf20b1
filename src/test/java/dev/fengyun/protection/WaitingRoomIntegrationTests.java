package dev.fengyun.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import dev.fengyun.support.SecondInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The waiting room's order and pace: visitors who came before the start are shuffled at the start,
 * later arrivals queue behind them in order, and two instances on one database share one queue and
 * admit at the configured rate between them, not at twice that.
 */
class WaitingRoomIntegrationTests extends IntegrationTest {

    @Test
    void thePreQueueIsShuffledAtTheStartAndLaterArrivalsQueueBehindItInOrder() throws Exception {
        Fixtures.Performance show = protectedShow(Instant.now().plusSeconds(3), 1);
        List<Api> early = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            early.add(join(api, show));
        }
        for (Api visitor : early) {
            assertThat(status(visitor, show).json().get("stage").asString()).isEqualTo("PRE_QUEUE");
        }

        awaitShuffle(early.get(0), show);
        List<Long> positions = new ArrayList<>();
        for (Api visitor : early) {
            Api.Response status = status(visitor, show);
            assertThat(status.json().get("stage").asString())
                    .as(status.body())
                    .isEqualTo("WAITING");
            positions.add(status.json().get("position").asLong());
            assertThat(status.json().get("estimatedWaitSeconds").asLong()).isPositive();
        }
        assertThat(positions)
                .as("every place once")
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(positions)
                .as("not in the order they joined (1 in 40! that a shuffle is)")
                .isNotEqualTo(LongStream.rangeClosed(1, 40).boxed().toList());

        Api late1 = join(api, show);
        Api late2 = join(api, show);
        assertThat(status(late1, show).json().get("position").asLong()).isEqualTo(41);
        assertThat(status(late2, show).json().get("position").asLong()).isEqualTo(42);
    }

    @Test
    void twoInstancesShareOneQueueAndAdmitAtTheConfiguredRate() throws Exception {
        int perMinute = 120; // two a second
        try (SecondInstance other = SecondInstance.start(Map.of())) {
            Api second = other.api();
            Fixtures.Performance show = protectedShow(Instant.now().plusSeconds(4), perMinute);
            Thread.sleep(1200); // the other instance reads new settings within a second
            List<Api> visitors = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                visitors.add(join(i % 2 == 0 ? api : second, show));
            }
            awaitShuffle(visitors.get(0), show);

            // Either instance tells a visitor the same place (each reads the shared state).
            Api.Response here = status(visitors.get(7), show);
            Api.Response there = status(visitors.get(7).at(second), show);
            assertThat(there.json().get("position").asLong())
                    .isCloseTo(
                            here.json().get("position").asLong(),
                            org.assertj.core.data.Offset.offset(3L));

            Thread.sleep(1500);
            long start = System.nanoTime();
            long admittedAtStart = admitted(visitors, second, show);
            Thread.sleep(10_000);
            long admittedAtEnd = admitted(visitors, second, show);
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = (admittedAtEnd - admittedAtStart) / seconds;
            assertThat(rate)
                    .as("admitted %d → %d in %.1f s", admittedAtStart, admittedAtEnd, seconds)
                    .isBetween(1.2, 2.8);
        }
    }

    /** How many of the visitors are admitted, asking each instance in turn. */
    private long admitted(List<Api> visitors, Api second, Fixtures.Performance show) {
        long count = 0;
        for (int i = 0; i < visitors.size(); i++) {
            Api visitor = i % 2 == 0 ? visitors.get(i) : visitors.get(i).at(second);
            if (status(visitor, show).json().get("stage").asString().equals("ADMITTED")) {
                count++;
            }
        }
        return count;
    }

    private Fixtures.Performance protectedShow(Instant startsAt, int perMinute) {
        Fixtures.Org org = fixtures.organizer();
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 2, 2, 0), 100, Map.of());
        Api.Response put =
                api.as(org.owner().token())
                        .put(
                                SaleProtectionIntegrationTests.organizerPath(show),
                                Map.of(
                                        "waitingRoom",
                                        SaleProtectionIntegrationTests.room(startsAt, perMinute)));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return show;
    }

    private static Api join(Api via, Fixtures.Performance show) {
        Api.Response joined = via.post("/api/v1/waiting-room/" + show.id() + "/join", null);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        return via.header("Fengyun-Queue", joined.json().get("queueToken").asString());
    }

    private static Api.Response status(Api visitor, Fixtures.Performance show) {
        Api.Response status = visitor.get("/api/v1/waiting-room/" + show.id());
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status;
    }

    private static void awaitShuffle(Api visitor, Fixtures.Performance show) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!status(visitor, show).json().get("position").isNull()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the pre-queue was not shuffled within 20 s of the start");
    }
}
