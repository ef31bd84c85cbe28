package io.ferry.core.schedule;

import io.ferry.core.FerryConfigException;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A snapshot of one registered job, like a row of {@code td connector:list}. Immutable; it does
 * not change when the job does.
 */
public final class JobInfo {
    private final String name;
    private final Schedule schedule;
    private final boolean enabled;
    private final boolean running;
    private final ZonedDateTime nextRun;
    private final int consecutiveFailures;
    private final JobRun lastRun;

    private JobInfo(Builder b) {
        this.name = b.name;
        this.schedule = b.schedule;
        this.enabled = b.enabled;
        this.running = b.running;
        this.nextRun = b.nextRun;
        this.consecutiveFailures = b.consecutiveFailures;
        this.lastRun = b.lastRun;
    }

    /** A new builder; name and schedule are required. The scheduler builds these, users rarely need to. */
    public static Builder builder() {
        return new Builder();
    }

    /** The job's name. */
    public String name() {
        return name;
    }

    /** The job's schedule. */
    public Schedule schedule() {
        return schedule;
    }

    /** Whether the job fires by its schedule; false after too many failures or {@code disable}. */
    public boolean enabled() {
        return enabled;
    }

    /** Whether a run was going on when the snapshot was taken. */
    public boolean running() {
        return running;
    }

    /** The next fire time in the schedule's zone; empty when on demand, disabled or closed. */
    public Optional<ZonedDateTime> nextRun() {
        return Optional.ofNullable(nextRun);
    }

    /** Failed runs since the last successful one. */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** The newest history entry, if any. */
    public Optional<JobRun> lastRun() {
        return Optional.ofNullable(lastRun);
    }

    @Override
    public String toString() {
        return "JobInfo{" + name + " [" + schedule + "] " + (enabled ? "enabled" : "disabled")
                + (running ? " running" : "") + " next=" + nextRun + " failures=" + consecutiveFailures + "}";
    }

    /** Builds a {@link JobInfo}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private Schedule schedule;
        private boolean enabled = true;
        private boolean running;
        private ZonedDateTime nextRun;
        private int consecutiveFailures;
        private JobRun lastRun;

        private Builder() {
        }

        /** The job's name; required. */
        public Builder name(String name) {
            this.name = FerryConfigException.requireNonNull(name, "name");
            return this;
        }

        /** The job's schedule; required. */
        public Builder schedule(Schedule schedule) {
            this.schedule = FerryConfigException.requireNonNull(schedule, "schedule");
            return this;
        }

        /** Whether it fires by its schedule; default true. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** Whether a run is going on; default false. */
        public Builder running(boolean running) {
            this.running = running;
            return this;
        }

        /** The next fire time; null when none. */
        public Builder nextRun(ZonedDateTime nextRun) {
            this.nextRun = nextRun;
            return this;
        }

        /** Failed runs since the last success; default 0, not negative. */
        public Builder consecutiveFailures(int consecutiveFailures) {
            if (consecutiveFailures < 0) {
                throw new FerryConfigException("consecutiveFailures", "must be zero or more, was " + consecutiveFailures);
            }
            this.consecutiveFailures = consecutiveFailures;
            return this;
        }

        /** The newest history entry; null when none. */
        public Builder lastRun(JobRun lastRun) {
            this.lastRun = lastRun;
            return this;
        }

        /**
         * The snapshot.
         *
         * @throws FerryConfigException if the name or schedule is missing
         */
        public JobInfo build() {
            if (name == null || schedule == null) {
                throw new FerryConfigException("jobInfo", "name and schedule are required");
            }
            return new JobInfo(this);
        }
    }
}
