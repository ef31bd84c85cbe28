package io.ferry.core.schedule;

import io.ferry.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fake clock, a timer driven by it and a job executor that queues runs until told to run
 * them: the scheduler under test never waits for real time.
 */
final class FakeTime {
    private long sequence;
    private final PriorityQueue<Task<?>> timers = new PriorityQueue<>();
    private final Deque<Runnable> jobs = new ArrayDeque<>();

    FakeTime(Instant start) {
        this.clock = TestClock.at(start);
    }

    final TestClock clock;

    /** Queues runs; {@link #runJobs()} runs them on the calling thread. */
    final Executor executor = jobs::add;

    final ScheduledExecutorService timer = new FakeTimer();

    private final class FakeTimer extends AbstractExecutorService implements ScheduledExecutorService {
        @Override
        public void shutdown() {
            timers.clear();
        }

        @Override
        public List<Runnable> shutdownNow() {
            timers.clear();
            return new ArrayList<>();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }

        @Override
        public void execute(Runnable command) {
            schedule(command, 0, TimeUnit.NANOSECONDS);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return add(new Task<Void>(command, null, clock.instant().plusNanos(unit.toNanos(delay)), 0));
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return add(new Task<>(callable, clock.instant().plusNanos(unit.toNanos(delay))));
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return add(new Task<Void>(command, null, clock.instant().plusNanos(unit.toNanos(initialDelay)), unit.toNanos(period)));
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return scheduleAtFixedRate(command, initialDelay, delay, unit);
        }
    }

    private <V> Task<V> add(Task<V> task) {
        timers.add(task);
        return task;
    }

    /** Moves time forward, firing every due timer at its own instant. */
    void advance(Duration d) {
        Instant target = clock.instant().plus(d);
        while (!timers.isEmpty() && !timers.peek().at.isAfter(target)) {
            Task<?> t = timers.poll();
            if (t.at.isAfter(clock.instant())) {
                clock.set(t.at);
            }
            t.run();
            if (t.period > 0 && !t.isCancelled()) {
                t.at = t.at.plusNanos(t.period);
                timers.add(t);
            }
        }
        clock.set(target);
    }

    /** Runs the queued job runs; returns how many ran. */
    int runJobs() {
        int n = 0;
        while (!jobs.isEmpty()) {
            jobs.poll().run();
            n++;
        }
        return n;
    }

    int queuedJobs() {
        return jobs.size();
    }

    Instant now() {
        return clock.instant();
    }

    Collection<Task<?>> pendingTimers() {
        return timers;
    }

    final class Task<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {
        Instant at;
        final long period;
        final long seq = sequence++;

        Task(Runnable r, V result, Instant at, long period) {
            super(r, result);
            this.at = at;
            this.period = period;
        }

        Task(Callable<V> c, Instant at) {
            super(c);
            this.at = at;
            this.period = 0;
        }

        @Override
        public boolean isPeriodic() {
            return period > 0;
        }

        @Override
        public void run() {
            if (period > 0) {
                runAndReset();
            } else {
                super.run();
            }
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            timers.remove(this);
            return super.cancel(mayInterrupt);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), at));
        }

        @Override
        public int compareTo(Delayed o) {
            Task<?> t = (Task<?>) o;
            int c = at.compareTo(t.at);
            return c != 0 ? c : Long.compare(seq, t.seq);
        }
    }
}
