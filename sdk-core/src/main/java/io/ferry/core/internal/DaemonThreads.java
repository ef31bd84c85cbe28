package io.ferry.core.internal;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads for Ferry's own pools and helper threads: daemon, so that a pool a caller forgot
 * to close never keeps the JVM alive. Internal: shared by the Ferry modules, not API.
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(4, DaemonThreads.factory("ferry-s3-upload-" + id));
 * }</pre>
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /**
     * A factory of daemon threads named {@code prefix-1}, {@code prefix-2}, ... in the order they
     * are made. Thread-safe.
     *
     * @param prefix the start of every thread's name; not null
     */
    public static ThreadFactory factory(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        AtomicInteger count = new AtomicInteger();
        return r -> thread(r, prefix + "-" + count.incrementAndGet());
    }

    /**
     * A daemon thread named {@code name} that runs {@code task}; not started.
     *
     * @param task what the thread runs; not null
     * @param name the thread's name; not null
     */
    public static Thread thread(Runnable task, String name) {
        Thread t = new Thread(Objects.requireNonNull(task, "task"), Objects.requireNonNull(name, "name"));
        t.setDaemon(true);
        return t;
    }
}
