package io.ferry.core.schedule;

/**
 * Hears about runs and disabled jobs. Called on the thread that finished the run (or skipped the
 * fire), outside the scheduler's lock; an exception thrown here is logged and ignored. Both
 * methods do nothing by default.
 */
public interface SchedulerListener {
    /**
     * A run finished, failed or was skipped; it is already in the history.
     *
     * @param run the finished run
     */
    default void runFinished(JobRun run) {
    }

    /**
     * A job failed too many times in a row and no longer fires by its schedule; call
     * {@link CronScheduler#enable(String)} once the cause is fixed.
     *
     * @param jobName the job
     * @param lastRun the failed run that disabled it
     */
    default void jobDisabled(String jobName, JobRun lastRun) {
    }
}
