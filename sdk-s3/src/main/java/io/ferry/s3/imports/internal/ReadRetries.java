package io.ferry.s3.imports.internal;

import io.ferry.core.FerryIoException;
import io.ferry.s3.internal.S3Errors;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the import repeats on its own, on top of the AWS SDK's retries: which failures a repeat may
 * fix, and the pause before each repeat. The SDK does not repeat a request whose body broke
 * after the head arrived (a cut ListObjectsV2 page, a reset GetObject body), so the import does.
 */
final class ReadRetries {
    /** The pause before the first repeat; it doubles on each further one, up to {@link #MAX_PAUSE}. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration MAX_PAUSE = Duration.ofSeconds(2);

    private ReadRetries() {
    }

    /** Failures a repeat may fix: 5xx, throttling, and I/O errors (resets, cut bodies). Not 4xx. */
    static boolean isTransient(Throwable e) {
        if (S3Errors.retryable(e)) {
            return true;
        }
        if (e instanceof S3Exception) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sleeps before repeat number {@code attemptsMade} (1 for the first repeat).
     *
     * @param what the object or listing, for the message if interrupted
     * @throws FerryIoException if the thread is interrupted
     */
    static void pause(int attemptsMade, String what) {
        long millis = Math.min(MAX_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(attemptsMade - 1, 10));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryIoException("interrupted while waiting to read " + what + " again",
                    new InterruptedIOException(e.getMessage()), true);
        }
    }
}
