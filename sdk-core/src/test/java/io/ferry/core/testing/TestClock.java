package io.ferry.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that tests drive: it reads {@link #set set} or {@link #advance advanced} time, and
 * with a step it moves on by that step after every read (for code that reads the clock as it goes).
 * Not thread-safe beyond the visibility of its time.
 */
public final class TestClock extends Clock {
    private volatile Instant now;
    private final Duration step;

    private TestClock(Instant start, Duration step) {
        this.now = start;
        this.step = step;
    }

    /** A clock standing at {@code start} until the test moves it. */
    public static TestClock at(Instant start) {
        return new TestClock(start, Duration.ZERO);
    }

    /** A clock that starts at {@code start} and moves on by {@code step} each time it is read. */
    public static TestClock stepping(Instant start, Duration step) {
        return new TestClock(start, step);
    }

    /** Sets the time. */
    public void set(Instant time) {
        now = time;
    }

    /** Moves the time on. */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        Instant t = now;
        if (!step.isZero()) {
            now = t.plus(step);
        }
        return t;
    }
}
