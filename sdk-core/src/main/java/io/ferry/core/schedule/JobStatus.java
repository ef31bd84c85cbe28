package io.ferry.core.schedule;

/** How a run ended. */
public enum JobStatus {
    /** The job returned normally. */
    SUCCEEDED,
    /** The job threw; the run's {@link JobRun#error()} holds the message. */
    FAILED,
    /** The run did not start: the previous run was still going, or the scheduler was closing. */
    SKIPPED
}
