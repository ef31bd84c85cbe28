package io.ferry.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Decides the {@link Fault} of each request that reaches a {@link FaultProxy}. Called from the
 * proxy's connection threads: implementations must be thread-safe.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.nth(r -> S3Operation.of(r) == S3Operation.PUT_OBJECT, 1, Fault.DROP_RESPONSE);
 * FaultPlan random = FaultPlan.seeded(42, 0.2, 3, List.of(Fault.values()), r -> true);
 * }</pre>
 */
public interface FaultPlan {
    /** The fault for {@code request}. */
    Fault faultFor(ProxiedRequest request);

    /** How long {@link Fault#STALL} holds a request; 2 s unless overridden. */
    default Duration stall() {
        return Duration.ofSeconds(2);
    }

    /**
     * How many body bytes {@link Fault#RESET_RESPONSE_BODY} forwards before the reset: a negative
     * value (the default) means half the body; a value at or above the body's length forwards it
     * whole and then resets. Counted over the body as framed on the wire (with chunk headers
     * when the response is chunked).
     */
    default long cutAfterBytes() {
        return -1;
    }

    /** No faults: a plain proxy. */
    static FaultPlan none() {
        return r -> Fault.NONE;
    }

    /** {@code fault} on the {@code n}th request (from 1) that {@code matches}; every other request passes. */
    static FaultPlan nth(Predicate<ProxiedRequest> matches, int n, Fault fault) {
        Objects.requireNonNull(matches);
        Objects.requireNonNull(fault);
        AtomicInteger seen = new AtomicInteger();
        return r -> matches.test(r) && seen.incrementAndGet() == n ? fault : Fault.NONE;
    }

    /**
     * Each request that {@code applies} gets, with probability {@code rate}, one of {@code kinds}
     * drawn from a generator seeded with {@code seed}, until {@code maxFaults} faults were given.
     * With concurrent requests the draw order follows arrival order, so a seed repeats its run
     * only where requests arrive in the same order.
     */
    static FaultPlan seeded(long seed, double rate, int maxFaults, List<Fault> kinds, Predicate<ProxiedRequest> applies) {
        if (kinds.isEmpty() || rate < 0 || rate > 1 || maxFaults < 0) {
            throw new IllegalArgumentException("kinds must not be empty, rate in 0..1, maxFaults >= 0");
        }
        List<Fault> choices = List.copyOf(kinds);
        Random random = new Random(seed);
        AtomicInteger given = new AtomicInteger();
        return r -> {
            if (!applies.test(r)) {
                return Fault.NONE;
            }
            synchronized (random) {
                if (given.get() >= maxFaults || random.nextDouble() >= rate) {
                    return Fault.NONE;
                }
                given.incrementAndGet();
                return choices.get(random.nextInt(choices.size()));
            }
        };
    }

    /** This plan with {@link Fault#STALL} holding requests for {@code stall}. */
    default FaultPlan withStall(Duration stall) {
        Objects.requireNonNull(stall);
        FaultPlan self = this;
        return new FaultPlan() {
            @Override
            public Fault faultFor(ProxiedRequest request) {
                return self.faultFor(request);
            }

            @Override
            public Duration stall() {
                return stall;
            }

            @Override
            public long cutAfterBytes() {
                return self.cutAfterBytes();
            }
        };
    }

    /** This plan with {@link Fault#RESET_RESPONSE_BODY} forwarding {@code bytes} of the body before the reset. */
    default FaultPlan withCutAfterBytes(long bytes) {
        FaultPlan self = this;
        return new FaultPlan() {
            @Override
            public Fault faultFor(ProxiedRequest request) {
                return self.faultFor(request);
            }

            @Override
            public Duration stall() {
                return self.stall();
            }

            @Override
            public long cutAfterBytes() {
                return bytes;
            }
        };
    }
}
