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

    /** {@return a new builder; name and schedule are required} The scheduler builds these, users rarely need to. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the job's name} */
    public String name() {
        return name;
    }

    /** {@return the job's schedule} */
    public Schedule schedule() {
        return schedule;
    }

    /** {@return whether the job fires by its schedule; false after too many failures or {@code disable}} */
    public boolean enabled() {
        return enabled;
    }

    /** {@return whether a run was going on when the snapshot was taken} */
    public boolean running() {
        return running;
    }

    /** {@return the next fire time in the schedule's zone; empty when on demand, disabled or closed} */
    public Optional<ZonedDateTime> nextRun() {
        return Optional.ofNullable(nextRun);
    }

    /** {@return failed runs since the last successful one} */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** {@return the newest history entry, if any} */
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

        /**
         * The job's name; required.
         *
         * @param name the job's name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = FerryConfigException.requireNonNull(name, "name");
            return this;
        }

        /**
         * The job's schedule; required.
         *
         * @param schedule the job's schedule
         * @return this builder
         */
        public Builder schedule(Schedule schedule) {
            this.schedule = FerryConfigException.requireNonNull(schedule, "schedule");
            return this;
        }

        /**
         * Whether it fires by its schedule; default true.
         *
         * @param enabled whether it fires by its schedule
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * Whether a run is going on; default false.
         *
         * @param running whether a run is going on
         * @return this builder
         */
        public Builder running(boolean running) {
            this.running = running;
            return this;
        }

        /**
         * The next fire time; null when none.
         *
         * @param nextRun the next fire time
         * @return this builder
         */
        public Builder nextRun(ZonedDateTime nextRun) {
            this.nextRun = nextRun;
            return this;
        }

        /**
         * Failed runs since the last success; default 0, not negative.
         *
         * @param consecutiveFailures failed runs since the last success
         * @return this builder
         */
        public Builder consecutiveFailures(int consecutiveFailures) {
            if (consecutiveFailures < 0) {
                throw new FerryConfigException("consecutiveFailures", "must be zero or more, was " + consecutiveFailures);
            }
            this.consecutiveFailures = consecutiveFailures;
            return this;
        }

        /**
         * The newest history entry; null when none.
         *
         * @param lastRun the newest history entry
         * @return this builder
         */
        public Builder lastRun(JobRun lastRun) {
            this.lastRun = lastRun;
            return this;
        }

        /**
         * {@return the snapshot}
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
