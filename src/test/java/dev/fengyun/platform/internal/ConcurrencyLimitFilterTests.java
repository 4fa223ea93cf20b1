package dev.fengyun.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.platform.ProblemResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The request concurrency limit, driven from many threads through the real filter. */
class ConcurrencyLimitFilterTests {

    private final ExecutorService threads = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static ConcurrencyLimitFilter filter(int limit, long waitMillis) {
        return new ConcurrencyLimitFilter(
                limit, waitMillis, new ProblemResponses(JsonMapper.builder().build()));
    }

    @Test
    void worksOnAtMostTheLimitAtOnceAndServesEveryoneInTurn() throws Exception {
        ConcurrencyLimitFilter filter = filter(4, 10_000);
        AtomicInteger working = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(
                    threads.submit(
                            () -> {
                                MockHttpServletResponse response = new MockHttpServletResponse();
                                filter.doFilter(
                                        new MockHttpServletRequest("POST", "/api/v1/holds"),
                                        response,
                                        (req, res) -> {
                                            mostAtOnce.accumulateAndGet(
                                                    working.incrementAndGet(), Math::max);
                                            sleep(40);
                                            working.decrementAndGet();
                                        });
                                return response;
                            }));
        }
        for (Future<MockHttpServletResponse> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(mostAtOnce.get()).isEqualTo(4);
    }

    @Test
    void publicReadsPassWhileOtherRequestsQueueAndTheQueueAnswersBusyInTime() throws Exception {
        ConcurrencyLimitFilter filter = filter(4, 200);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            threads.submit(
                    () -> {
                        filter.doFilter(
                                new MockHttpServletRequest("POST", "/api/v1/orders"),
                                new MockHttpServletResponse(),
                                (req, res) -> {
                                    busy.countDown();
                                    awaitQuietly(release);
                                });
                        return null;
                    });
        }
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse read = new MockHttpServletResponse();
        AtomicInteger served = new AtomicInteger();
        filter.doFilter(
                new MockHttpServletRequest("GET", "/api/v1/public/performances/7/seats"),
                read,
                (req, res) -> served.incrementAndGet());
        assertThat(served.get()).isEqualTo(1);
        assertThat(read.getStatus()).isEqualTo(200);

        MockHttpServletResponse hold = new MockHttpServletResponse();
        long started = System.nanoTime();
        filter.doFilter(
                new MockHttpServletRequest("POST", "/api/v1/holds"),
                hold,
                (req, res) -> served.incrementAndGet());
        assertThat(served.get()).as("not let through while all permits are taken").isEqualTo(1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .isBetween(150L, 5_000L);
        assertThat(hold.getStatus()).isEqualTo(503);
        assertThat(hold.getHeader("Retry-After")).isEqualTo("2");
        assertThat(hold.getContentAsString()).contains("\"code\":\"SERVICE_BUSY\"");

        MockHttpServletResponse health = new MockHttpServletResponse();
        filter.doFilter(
                new MockHttpServletRequest("GET", "/actuator/health/readiness"),
                health,
                (req, res) -> served.incrementAndGet());
        assertThat(served.get()).as("health is never held back").isEqualTo(2);
        release.countDown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
