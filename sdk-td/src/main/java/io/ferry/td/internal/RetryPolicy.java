package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to repeat a failed request and how long to wait first: bounded attempts, exponential
 * backoff with jitter, and the server's {@code Retry-After} when it sends one. Pure and
 * immutable.
 */
public final class RetryPolicy {
    /** The longest {@code Retry-After} honoured; a longer one is cut to this. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final DoubleSupplier random;

    /**
     * @param maxAttempts    attempts in all, at least 1
     * @param initialBackoff the wait before the second attempt, before jitter
     * @param maxBackoff     the longest computed wait
     * @param random         uniform values in [0, 1) for the jitter
     */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, DoubleSupplier random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = FerryConfigException.requireNonNull(initialBackoff, "initialBackoff");
        this.maxBackoff = FerryConfigException.requireNonNull(maxBackoff, "maxBackoff");
        this.random = FerryConfigException.requireNonNull(random, "random");
    }

    /** A policy with jitter from {@link ThreadLocalRandom}. */
    public static RetryPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Attempts in all. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether a response with this status may succeed when repeated: 408, 429 and 5xx. */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599);
    }

    /** Whether another attempt is allowed after {@code failedAttempt} (1-based) failed. */
    public boolean allowsAnotherAttempt(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    /**
     * The wait before the attempt after {@code failedAttempt} (1-based): the server's
     * {@code Retry-After} (at most {@link #MAX_RETRY_AFTER}) when given, else
     * {@code initialBackoff * 2^(failedAttempt-1)}, at most {@code maxBackoff}, scaled by a random
     * factor in [0.5, 1) so that many writers do not retry in step.
     */
    public Duration delayAfter(int failedAttempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration d = retryAfter.get();
            return d.isNegative() ? Duration.ZERO : (d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
        }
        int shift = Math.min(Math.max(failedAttempt - 1, 0), 30);
        long base = initialBackoff.toMillis();
        long exp = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        long capped = Math.min(exp, maxBackoff.toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + random.getAsDouble() / 2)));
    }

    /**
     * Reads a {@code Retry-After} header: delay-seconds or an HTTP date (RFC 1123), relative to
     * {@code now}. Empty when absent or unreadable.
     */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.of(MAX_RETRY_AFTER);
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
