package io.ferry.core.schedule.internal;

import io.ferry.core.schedule.JobContext;
import io.ferry.core.schedule.JobTrigger;
import io.ferry.core.schedule.StateStore;
import java.time.Instant;
import java.util.Optional;

/** The {@link JobContext} of one run. */
final class RunContext implements JobContext {
    private final String jobName;
    private final JobTrigger trigger;
    private final Instant scheduledTime;
    private final Instant startTime;
    private final StateStore store;

    RunContext(String jobName, JobTrigger trigger, Instant scheduledTime, Instant startTime, StateStore store) {
        this.jobName = jobName;
        this.trigger = trigger;
        this.scheduledTime = scheduledTime;
        this.startTime = startTime;
        this.store = store;
    }

    @Override
    public String jobName() {
        return jobName;
    }

    @Override
    public JobTrigger trigger() {
        return trigger;
    }

    @Override
    public Optional<Instant> scheduledTime() {
        return Optional.ofNullable(scheduledTime);
    }

    @Override
    public Instant startTime() {
        return startTime;
    }

    @Override
    public Optional<String> loadState() {
        return store.load(jobName);
    }

    @Override
    public void saveState(String state) {
        store.save(jobName, state);
    }
}
