package io.ferry.core.schedule.internal;

import io.ferry.core.schedule.JobRun;
import io.ferry.core.schedule.Schedule;
import io.ferry.core.schedule.ScheduledJob;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;

/** The mutable state of one registered job. Guarded by the engine's lock. */
final class JobSlot {
    final String name;
    final Schedule schedule;
    final ScheduledJob job;
    final Deque<JobRun> history = new ArrayDeque<>();
    boolean enabled = true;
    boolean removed;
    boolean running;
    Thread runner;
    int consecutiveFailures;
    Instant nextFire;
    ScheduledFuture<?> timer;

    JobSlot(String name, Schedule schedule, ScheduledJob job) {
        this.name = name;
        this.schedule = schedule;
        this.job = job;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        nextFire = null;
    }

    void record(JobRun run, int historySize) {
        history.addFirst(run);
        while (history.size() > historySize) {
            history.removeLast();
        }
    }
}
