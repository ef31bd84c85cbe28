package io.ferry.core.schedule;

import io.ferry.core.FerryConfigException;
import io.ferry.core.internal.DaemonThreads;
import io.ferry.core.schedule.internal.SchedulerEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs named jobs on cron schedules, like Treasure Data's {@code td connector:create / list /
 * history / run}. Knows nothing about S3 or TD: exports, imports and table writes plug in as
 * {@link ScheduledJob} lambdas. Thread-safe.
 *
 * <ul>
 *   <li>No overlap: when a job's previous run is still going at its next fire time, that fire is
 *       skipped and recorded as {@link JobStatus#SKIPPED}.</li>
 *   <li>Failures: after {@code maxConsecutiveFailures} failed runs in a row (default 5) the job
 *       is disabled and listeners hear {@link SchedulerListener#jobDisabled}; {@link #enable}
 *       turns it back on.</li>
 *   <li>History: each job keeps its last {@code historySize} runs (default 100), newest first.</li>
 *   <li>Late wake-ups (a suspended machine) fire once; missed fires are not made up.</li>
 *   <li>Time: fire times come from the {@link Clock}; the timer and the executor are injectable,
 *       so tests drive the scheduler with a fake clock and never sleep.</li>
 * </ul>
 *
 * <pre>{@code
 * try (CronScheduler scheduler = CronScheduler.builder().build()) {
 *     scheduler.schedule("daily_export",
 *             Schedule.builder().cron("10 0 * * *").zone("Asia/Tokyo").build(),
 *             ctx -> JobReport.ofRecords(export.write("www_access", source).rows()));
 *     ...
 * }
 * }</pre>
 */
public final class CronScheduler implements AutoCloseable {
    private final SchedulerEngine engine;
    private final ScheduledExecutorService ownedTimer;
    private final ExecutorService ownedExecutor;
    private final Duration shutdownTimeout;

    private CronScheduler(Builder b) {
        this.ownedTimer = b.timer == null ? Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("ferry-scheduler-timer"))
                : null;
        this.ownedExecutor = b.executor == null ? Executors.newCachedThreadPool(DaemonThreads.factory("ferry-scheduler-job")) : null;
        this.shutdownTimeout = b.shutdownTimeout;
        this.engine = new SchedulerEngine(b.clock, b.timer == null ? ownedTimer : b.timer,
                b.executor == null ? ownedExecutor : b.executor, b.stateStore, b.maxConsecutiveFailures,
                b.historySize, b.listeners);
    }

    /** {@return a new builder with the defaults: system UTC clock, own threads, in-memory state} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers a job and starts firing it by its schedule.
     *
     * @param name     a unique, non-empty name
     * @param schedule when it runs; {@link Schedule#onDemand()} for manual runs only
     * @param job      the work
     * @return a snapshot with the next run time
     * @throws FerryConfigException  if the name is empty or already taken (option {@code name})
     * @throws FerryConfigException (option {@code close}) if the scheduler is closed
     */
    public JobInfo schedule(String name, Schedule schedule, ScheduledJob job) {
        FerryConfigException.requireNonNull(name, "name");
        FerryConfigException.requireNonNull(schedule, "schedule");
        FerryConfigException.requireNonNull(job, "job");
        if (name.isBlank()) {
            throw new FerryConfigException("name", "a job name must not be blank");
        }
        return engine.schedule(name, schedule, job);
    }

    /**
     * Removes a job and its history. A run going on finishes, unrecorded. The job's saved state
     * stays in the {@link StateStore}.
     *
     * @param name the job's name
     * @return whether a job of that name existed
     */
    public boolean remove(String name) {
        return engine.remove(FerryConfigException.requireNonNull(name, "name"));
    }

    /**
     * Runs a job now, whatever its schedule and even when disabled. If a run is going on, this
     * one is skipped (and recorded so).
     *
     * @param name the job's name
     * @return completes with the finished (or skipped) run
     * @throws FerryConfigException  if there is no such job (option {@code name})
     * @throws FerryConfigException (option {@code close}) if the scheduler is closed
     */
    public CompletableFuture<JobRun> runNow(String name) {
        return engine.runNow(FerryConfigException.requireNonNull(name, "name"));
    }

    /**
     * Turns a job back on (after {@link #disable} or too many failures) and resets its failure count.
     *
     * @param name the job's name
     * @return a snapshot of the job after the change
     * @throws FerryConfigException if there is no such job (option {@code name})
     */
    public JobInfo enable(String name) {
        return engine.enable(FerryConfigException.requireNonNull(name, "name"));
    }

    /**
     * Stops a job from firing by its schedule; {@link #runNow} still works.
     *
     * @param name the job's name
     * @return a snapshot of the job after the change
     * @throws FerryConfigException if there is no such job (option {@code name})
     */
    public JobInfo disable(String name) {
        return engine.disable(FerryConfigException.requireNonNull(name, "name"));
    }

    /**
     * Snapshots of every job with its next run, sorted by name.
     *
     * @return the snapshots, sorted by job name
     */
    public List<JobInfo> list() {
        return engine.list();
    }

    /**
     * A snapshot of one job, if it exists.
     *
     * @param name the job's name
     * @return the snapshot, or empty if there is no such job
     */
    public Optional<JobInfo> job(String name) {
        return engine.job(FerryConfigException.requireNonNull(name, "name"));
    }

    /**
     * A job's runs, newest first, at most {@code historySize}.
     *
     * @param name the job's name
     * @return the runs, newest first
     * @throws FerryConfigException if there is no such job (option {@code name})
     */
    public List<JobRun> history(String name) {
        return engine.history(FerryConfigException.requireNonNull(name, "name"));
    }

    /**
     * Adds a listener; listeners are called in the order they were added.
     *
     * @param listener the listener to add
     */
    public void addListener(SchedulerListener listener) {
        engine.addListener(FerryConfigException.requireNonNull(listener, "listener"));
    }

    /**
     * Stops the scheduler: no run starts after this call (runs handed to the executor but not
     * yet started are recorded as skipped). Waits up to {@code shutdownTimeout} (real time, default
     * 30 s) for running runs to finish, then interrupts the ones still going and returns. Shuts
     * down the threads the scheduler created; an injected timer or executor is left running.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        engine.close(shutdownTimeout);
        if (ownedTimer != null) {
            ownedTimer.shutdownNow();
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    /** Builds a {@link CronScheduler}. Not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private ScheduledExecutorService timer;
        private Executor executor;
        private StateStore stateStore = StateStore.inMemory();
        private int maxConsecutiveFailures = 5;
        private int historySize = 100;
        private Duration shutdownTimeout = Duration.ofSeconds(30);
        private final List<SchedulerListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * The clock fire times are computed from; default {@link Clock#systemUTC()}.
         *
         * @param clock the clock fire times are computed from
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = FerryConfigException.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The service that wakes the scheduler at fire times (delays are computed from the clock);
         * default a daemon thread owned by the scheduler. An injected one is not shut down.
         *
         * @param timer the service that wakes the scheduler at fire times (delays are computed from the clock)
         * @return this builder
         */
        public Builder timer(ScheduledExecutorService timer) {
            this.timer = FerryConfigException.requireNonNull(timer, "timer");
            return this;
        }

        /**
         * Where runs execute; default a daemon thread pool owned by the scheduler (one thread per
         * running job). An injected one is not shut down.
         *
         * @param executor the executor runs are started on
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = FerryConfigException.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Where jobs keep state between runs; default {@link StateStore#inMemory()}.
         *
         * @param stateStore the store for the jobs' state
         * @return this builder
         */
        public Builder stateStore(StateStore stateStore) {
            this.stateStore = FerryConfigException.requireNonNull(stateStore, "stateStore");
            return this;
        }

        /**
         * Failed runs in a row after which a job is disabled; default 5.
         *
         * @param n failed runs in a row after which a job is disabled
         * @return this builder
         * @throws FerryConfigException if below 1 (option {@code maxConsecutiveFailures})
         */
        public Builder maxConsecutiveFailures(int n) {
            if (n < 1) {
                throw new FerryConfigException("maxConsecutiveFailures", "must be at least 1, was " + n);
            }
            this.maxConsecutiveFailures = n;
            return this;
        }

        /**
         * Runs kept per job; default 100.
         *
         * @param n the number of runs kept per job
         * @return this builder
         * @throws FerryConfigException if below 1 (option {@code historySize})
         */
        public Builder historySize(int n) {
            if (n < 1) {
                throw new FerryConfigException("historySize", "must be at least 1, was " + n);
            }
            this.historySize = n;
            return this;
        }

        /**
         * How long {@link #close()} waits for running runs before interrupting them; default 30 s.
         *
         * @param timeout how long {@link #close()} waits for running runs before interrupting them
         * @return this builder
         * @throws FerryConfigException if negative (option {@code shutdownTimeout})
         */
        public Builder shutdownTimeout(Duration timeout) {
            FerryConfigException.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new FerryConfigException("shutdownTimeout", "must be zero or positive, was " + timeout);
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener to add
         * @return this builder
         */
        public Builder listener(SchedulerListener listener) {
            listeners.add(FerryConfigException.requireNonNull(listener, "listener"));
            return this;
        }

        /** {@return the scheduler, started: jobs fire as soon as they are scheduled} */
        public CronScheduler build() {
            return new CronScheduler(this);
        }
    }
}
