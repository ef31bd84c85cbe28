package io.ferry.s3.export.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that one export's open objects hold in their part buffers, against the export's
 * {@code maxBufferedBytes} budget. Buffers already handed to the {@link UploadPool} are not counted:
 * the pool bounds those by its concurrency. Thread-safe.
 */
final class BufferLedger {
    private final long budget;
    private final AtomicLong held = new AtomicLong();

    BufferLedger(long budget) {
        this.budget = budget;
    }

    /** A ledger without a limit, for objects written outside an export session. */
    static BufferLedger unlimited() {
        return new BufferLedger(Long.MAX_VALUE);
    }

    void change(long delta) {
        held.addAndGet(delta);
    }

    long held() {
        return held.get();
    }

    long budget() {
        return budget;
    }

    boolean over() {
        return held.get() > budget;
    }
}
