package io.ferry.td.internal;

import java.time.Duration;

/** Waits between attempts; a seam so tests can record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** The sleeper that really waits. */
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());

    /** Waits for the duration. */
    void sleep(Duration duration) throws InterruptedException;
}
