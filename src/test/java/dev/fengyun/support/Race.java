package dev.fengyun.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs {@code n} tasks on {@code n} threads released at the same instant, the way an on-sale
 * releases a crowd, and returns their results in task order. Bounded by a timeout.
 */
public final class Race {

    private Race() {}

    public static <T> List<T> run(int n, IntFunction<T> task) {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(
                        threads.submit(
                                () -> {
                                    ready.countDown();
                                    go.await();
                                    return task.apply(index);
                                }));
            }
            ready.await(60, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>(n);
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("the race did not finish", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
