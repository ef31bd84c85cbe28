package io.ferry.core.schedule;

import io.ferry.core.FerryConfigException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a job's history, like a row of {@code td connector:history}: when it started and
 * ended, how it ended, and what it reported. Immutable.
 */
public final class JobRun {
    private final String jobName;
    private final JobTrigger trigger;
    private final Instant scheduledTime;
    private final Instant start;
    private final Instant end;
    private final JobStatus status;
    private final JobReport report;
    private final String error;

    private JobRun(Builder b) {
        this.jobName = b.jobName;
        this.trigger = b.trigger;
        this.scheduledTime = b.scheduledTime;
        this.start = b.start;
        this.end = b.end;
        this.status = b.status;
        this.report = b.report;
        this.error = b.error;
    }

    /** {@return a new builder; job name, trigger, start, end and status are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this run's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobName = jobName;
        b.trigger = trigger;
        b.scheduledTime = scheduledTime;
        b.start = start;
        b.end = end;
        b.status = status;
        b.report = report;
        b.error = error;
        return b;
    }

    /** {@return the job's name} */
    public String jobName() {
        return jobName;
    }

    /** {@return what started the run} */
    public JobTrigger trigger() {
        return trigger;
    }

    /** {@return the fire time of a scheduled run (cron time plus delay); empty for a manual run} */
    public Optional<Instant> scheduledTime() {
        return Optional.ofNullable(scheduledTime);
    }

    /**
     * When the run started (for a skipped run: when it was skipped).
     *
     * @return when the run started
     */
    public Instant start() {
        return start;
    }

    /**
     * When the run ended.
     *
     * @return when the run ended
     */
    public Instant end() {
        return end;
    }

    /**
     * {@code end - start}.
     *
     * @return how long the run took
     */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** {@return how the run ended} */
    public JobStatus status() {
        return status;
    }

    /** {@return the records the job reported, if any} */
    public OptionalLong records() {
        return report.records();
    }

    /** {@return the job's report; {@link JobReport#none()} for failed and skipped runs} */
    public JobReport report() {
        return report;
    }

    /** {@return why the run failed or was skipped; empty for a successful run} */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JobRun r)) {
            return false;
        }
        return jobName.equals(r.jobName) && trigger == r.trigger && Objects.equals(scheduledTime, r.scheduledTime)
                && start.equals(r.start) && end.equals(r.end) && status == r.status && report.equals(r.report)
                && Objects.equals(error, r.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobName, trigger, scheduledTime, start, end, status, report, error);
    }

    @Override
    public String toString() {
        return "JobRun{" + jobName + " " + trigger + " " + status + " start=" + start + " end=" + end
                + (scheduledTime == null ? "" : " scheduled=" + scheduledTime) + " " + report
                + (error == null ? "" : " error=" + error) + "}";
    }

    /** Builds a {@link JobRun}. Not thread-safe. */
    public static final class Builder {
        private String jobName;
        private JobTrigger trigger;
        private Instant scheduledTime;
        private Instant start;
        private Instant end;
        private JobStatus status;
        private JobReport report = JobReport.none();
        private String error;

        private Builder() {
        }

        /**
         * The job's name; required.
         *
         * @param jobName the job's name
         * @return this builder
         */
        public Builder jobName(String jobName) {
            this.jobName = FerryConfigException.requireNonNull(jobName, "jobName");
            return this;
        }

        /**
         * What started the run; required.
         *
         * @param trigger what started the run
         * @return this builder
         */
        public Builder trigger(JobTrigger trigger) {
            this.trigger = FerryConfigException.requireNonNull(trigger, "trigger");
            return this;
        }

        /**
         * The fire time of a scheduled run; null for a manual run.
         *
         * @param scheduledTime the fire time of a scheduled run
         * @return this builder
         */
        public Builder scheduledTime(Instant scheduledTime) {
            this.scheduledTime = scheduledTime;
            return this;
        }

        /**
         * When the run started; required.
         *
         * @param start when the run started
         * @return this builder
         */
        public Builder start(Instant start) {
            this.start = FerryConfigException.requireNonNull(start, "start");
            return this;
        }

        /**
         * When the run ended; required, not before the start.
         *
         * @param end when the run ended
         * @return this builder
         */
        public Builder end(Instant end) {
            this.end = FerryConfigException.requireNonNull(end, "end");
            return this;
        }

        /**
         * How the run ended; required.
         *
         * @param status how the run ended
         * @return this builder
         */
        public Builder status(JobStatus status) {
            this.status = FerryConfigException.requireNonNull(status, "status");
            return this;
        }

        /**
         * What the job reported; default {@link JobReport#none()}.
         *
         * @param report what the job reported
         * @return this builder
         */
        public Builder report(JobReport report) {
            this.report = FerryConfigException.requireNonNull(report, "report");
            return this;
        }

        /**
         * Why the run failed or was skipped; null when it succeeded.
         *
         * @param error why the run failed or was skipped
         * @return this builder
         */
        public Builder error(String error) {
            this.error = error;
            return this;
        }

        /**
         * {@return the run}
         *
         * @throws FerryConfigException if a required value is missing or the end is before the start
         */
        public JobRun build() {
            if (jobName == null || trigger == null || start == null || end == null || status == null) {
                throw new FerryConfigException("jobRun", "jobName, trigger, start, end and status are required");
            }
            if (end.isBefore(start)) {
                throw new FerryConfigException("end", "end " + end + " is before start " + start);
            }
            return new JobRun(this);
        }
    }
}
