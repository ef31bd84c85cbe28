package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;
import io.ferry.core.internal.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Runs one task per item on a bounded pool of its own, stopping early after a failure. Stateless. */
final class ParallelTasks {
    private ParallelTasks() {
    }

    /**
     * Runs {@code task} for every item, up to {@code concurrency} at once; once one fails, tasks
     * not yet started are skipped. Throws the first failure after all started tasks ended.
     *
     * @param threadName the name of the pool's threads
     */
    static <T> void forEach(List<T> items, int concurrency, String threadName, Consumer<T> task) {
        if (items.size() <= 1) {
            items.forEach(task);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), Math.max(1, concurrency)),
                DaemonThreads.factory(threadName));
        AtomicBoolean failed = new AtomicBoolean();
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(CompletableFuture.runAsync(() -> {
                    if (failed.get()) {
                        return;
                    }
                    try {
                        task.accept(item);
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }, pool));
            }
            RuntimeException failure = null;
            for (CompletableFuture<Void> f : futures) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new FerryIoException("a parallel task failed: " + e.getCause(), e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdown();
        }
    }
}
