package io.ferry.core.schedule.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.Secrets;
import io.ferry.core.schedule.JobInfo;
import io.ferry.core.schedule.JobReport;
import io.ferry.core.schedule.JobRun;
import io.ferry.core.schedule.JobStatus;
import io.ferry.core.schedule.JobTrigger;
import io.ferry.core.schedule.Schedule;
import io.ferry.core.schedule.ScheduledJob;
import io.ferry.core.schedule.SchedulerListener;
import io.ferry.core.schedule.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's machinery: one timer task per enabled job armed for its next fire time, runs
 * handed to the executor, all state guarded by one lock, listeners called outside it.
 */
public final class SchedulerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerEngine.class);

    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Executor executor;
    private final StateStore store;
    private final int maxConsecutiveFailures;
    private final int historySize;
    private final List<SchedulerListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final Map<String, JobSlot> jobs = new TreeMap<>();
    private boolean closed;
    private int activeRuns;

    /** Creates an engine; the caller owns (and shuts down) the timer and executor. */
    public SchedulerEngine(Clock clock, ScheduledExecutorService timer, Executor executor, StateStore store,
            int maxConsecutiveFailures, int historySize, List<SchedulerListener> listeners) {
        this.clock = clock;
        this.timer = timer;
        this.executor = executor;
        this.store = store;
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        this.historySize = historySize;
        this.listeners.addAll(listeners);
    }

    /** Adds a listener. */
    public void addListener(SchedulerListener listener) {
        listeners.add(listener);
    }

    /** Registers a job and arms its timer. */
    public JobInfo schedule(String name, Schedule schedule, ScheduledJob job) {
        synchronized (lock) {
            requireOpen();
            if (jobs.containsKey(name)) {
                throw new FerryConfigException("name", "a job named \"" + name
                        + "\" is already scheduled; remove it first or choose another name");
            }
            JobSlot slot = new JobSlot(name, schedule, job);
            jobs.put(name, slot);
            arm(slot, clock.instant());
            return info(slot);
        }
    }

    /** Removes a job; a running run finishes but is no longer recorded. */
    public boolean remove(String name) {
        synchronized (lock) {
            JobSlot slot = jobs.remove(name);
            if (slot == null) {
                return false;
            }
            slot.removed = true;
            slot.cancelTimer();
            return true;
        }
    }

    /** Turns a job back on and resets its failure count. */
    public JobInfo enable(String name) {
        synchronized (lock) {
            JobSlot slot = require(name);
            slot.enabled = true;
            slot.consecutiveFailures = 0;
            if (slot.timer == null && !closed) {
                arm(slot, clock.instant());
            }
            return info(slot);
        }
    }

    /** Stops a job from firing by its schedule; running runs and manual runs are not affected. */
    public JobInfo disable(String name) {
        synchronized (lock) {
            JobSlot slot = require(name);
            slot.enabled = false;
            slot.cancelTimer();
            return info(slot);
        }
    }

    /** Runs a job now; a run already going makes this one skipped. */
    public CompletableFuture<JobRun> runNow(String name) {
        CompletableFuture<JobRun> result = new CompletableFuture<>();
        JobRun skipped;
        JobSlot slot;
        synchronized (lock) {
            requireOpen();
            slot = require(name);
            Instant now = clock.instant();
            skipped = slot.running ? skip(slot, JobTrigger.MANUAL, null, now, "the previous run was still going") : null;
            if (skipped == null) {
                slot.running = true;
            }
        }
        if (skipped != null) {
            notifyFinished(skipped, false);
            result.complete(skipped);
        } else {
            dispatch(slot, JobTrigger.MANUAL, null, result);
        }
        return result;
    }

    /** Snapshots of all jobs, by name. */
    public List<JobInfo> list() {
        synchronized (lock) {
            List<JobInfo> out = new ArrayList<>();
            for (JobSlot slot : jobs.values()) {
                out.add(info(slot));
            }
            return out;
        }
    }

    /** A snapshot of one job. */
    public Optional<JobInfo> job(String name) {
        synchronized (lock) {
            JobSlot slot = jobs.get(name);
            return slot == null ? Optional.empty() : Optional.of(info(slot));
        }
    }

    /** A job's history, newest first. */
    public List<JobRun> history(String name) {
        synchronized (lock) {
            return List.copyOf(require(name).history);
        }
    }

    /**
     * Stops firing, waits up to {@code timeout} for running runs, then interrupts those still going.
     *
     * @return whether every run had finished before the timeout
     */
    public boolean close(Duration timeout) {
        List<Thread> toInterrupt = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return activeRuns == 0;
            }
            closed = true;
            jobs.values().forEach(JobSlot::cancelTimer);
            long deadline = System.nanoTime() + timeout.toNanos();
            long left = timeout.toNanos();
            while (activeRuns > 0 && left > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                left = deadline - System.nanoTime();
            }
            if (activeRuns == 0) {
                return true;
            }
            for (JobSlot slot : jobs.values()) {
                if (slot.runner != null) {
                    toInterrupt.add(slot.runner);
                }
            }
        }
        toInterrupt.forEach(Thread::interrupt);
        return false;
    }

    private void arm(JobSlot slot, Instant after) {
        slot.cancelTimer();
        if (closed || !slot.enabled || slot.removed) {
            return;
        }
        Optional<ZonedDateTime> next = slot.schedule.nextRun(after);
        if (next.isEmpty()) {
            return;
        }
        Instant fire = next.get().toInstant();
        slot.nextFire = fire;
        long delay = Math.max(0, Duration.between(clock.instant(), fire).toNanos());
        slot.timer = timer.schedule(() -> onTimer(slot, fire), delay, TimeUnit.NANOSECONDS);
    }

    private void onTimer(JobSlot slot, Instant fire) {
        JobRun skipped = null;
        boolean start = false;
        synchronized (lock) {
            if (closed || slot.removed || !slot.enabled || !fire.equals(slot.nextFire)) {
                return;
            }
            Instant now = clock.instant();
            if (now.isBefore(fire)) {
                // the timer's clock ran ahead of ours: wait for the rest
                slot.timer = timer.schedule(() -> onTimer(slot, fire), Duration.between(now, fire).toNanos(),
                        TimeUnit.NANOSECONDS);
                return;
            }
            if (slot.running) {
                skipped = skip(slot, JobTrigger.SCHEDULED, fire, now, "the previous run was still going");
            } else {
                slot.running = true;
                start = true;
            }
            // a late wake (machine asleep) fires once; the fires it missed are not made up
            arm(slot, now.isAfter(fire) ? now : fire);
        }
        if (skipped != null) {
            notifyFinished(skipped, false);
        }
        if (start) {
            dispatch(slot, JobTrigger.SCHEDULED, fire, new CompletableFuture<>());
        }
    }

    private JobRun skip(JobSlot slot, JobTrigger trigger, Instant fire, Instant now, String reason) {
        JobRun run = JobRun.builder().jobName(slot.name).trigger(trigger).scheduledTime(fire).start(now).end(now)
                .status(JobStatus.SKIPPED).error(reason).build();
        slot.record(run, historySize);
        return run;
    }

    private void dispatch(JobSlot slot, JobTrigger trigger, Instant fire, CompletableFuture<JobRun> result) {
        try {
            executor.execute(() -> execute(slot, trigger, fire, result));
        } catch (RejectedExecutionException e) {
            finish(slot, trigger, fire, clock.instant(), null, "the executor rejected the run: " + e.getMessage(),
                    result, false);
        }
    }

    private void execute(JobSlot slot, JobTrigger trigger, Instant fire, CompletableFuture<JobRun> result) {
        Instant start;
        JobRun skipped = null;
        synchronized (lock) {
            start = clock.instant();
            if (closed) {
                skipped = skip(slot, trigger, fire, start, "the scheduler was closed before the run started");
                slot.running = false;
            } else {
                slot.runner = Thread.currentThread();
                activeRuns++;
            }
        }
        if (skipped != null) {
            notifyFinished(skipped, false);
            result.complete(skipped);
            return;
        }
        JobReport report = null;
        String error = null;
        try {
            report = slot.job.run(new RunContext(slot.name, trigger, fire, start, store));
        } catch (RuntimeException | Error e) {
            error = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            if (e instanceof VirtualMachineError) {
                finish(slot, trigger, fire, start, null, error, result, true);
                throw e;
            }
        }
        finish(slot, trigger, fire, start, report == null ? JobReport.none() : report, error, result, true);
    }

    private void finish(JobSlot slot, JobTrigger trigger, Instant fire, Instant start, JobReport report, String error,
            CompletableFuture<JobRun> result, boolean started) {
        JobRun run;
        boolean disabled = false;
        synchronized (lock) {
            Instant end = clock.instant();
            JobRun.Builder b = JobRun.builder().jobName(slot.name).trigger(trigger).scheduledTime(fire).start(start)
                    .end(end.isBefore(start) ? start : end);
            run = error == null ? b.status(JobStatus.SUCCEEDED).report(report).build()
                    : b.status(JobStatus.FAILED).error(error).build();
            slot.running = false;
            if (started) {
                slot.runner = null;
                activeRuns--;
                lock.notifyAll();
                // a close() may have interrupted this pooled thread; do not leak the flag to the next task
                Thread.interrupted();
            }
            if (!slot.removed) {
                slot.record(run, historySize);
                if (error == null) {
                    slot.consecutiveFailures = 0;
                } else if (++slot.consecutiveFailures >= maxConsecutiveFailures && slot.enabled) {
                    slot.enabled = false;
                    slot.cancelTimer();
                    disabled = true;
                }
            }
        }
        notifyFinished(run, disabled);
        result.complete(run);
    }

    private void notifyFinished(JobRun run, boolean disabled) {
        for (SchedulerListener l : listeners) {
            try {
                l.runFinished(run);
                if (disabled) {
                    l.jobDisabled(run.jobName(), run);
                }
            } catch (RuntimeException e) {
                LOG.warn("scheduler listener {} failed on {}", l, run, Secrets.redact(e));
            }
        }
        if (disabled) {
            LOG.warn("job '{}' disabled after {} consecutive failures; last error: {}", run.jobName(),
                    maxConsecutiveFailures, run.error().orElse(""));
        }
    }

    private JobInfo info(JobSlot slot) {
        ZonedDateTime next = slot.nextFire == null ? null : slot.nextFire.atZone(slot.schedule.zone());
        return JobInfo.builder().name(slot.name).schedule(slot.schedule).enabled(slot.enabled).running(slot.running)
                .nextRun(next).consecutiveFailures(slot.consecutiveFailures).lastRun(slot.history.peekFirst())
                .build();
    }

    private JobSlot require(String name) {
        JobSlot slot = jobs.get(name);
        if (slot == null) {
            throw new FerryConfigException("name", "no job named \"" + name + "\"; scheduled jobs: " + jobs.keySet());
        }
        return slot;
    }

    private void requireOpen() {
        if (closed) {
            throw new FerryConfigException("close", "the scheduler is closed; create a new one");
        }
    }
}
