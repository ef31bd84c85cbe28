package io.ferry.core.schedule;

/** What started a run. */
public enum JobTrigger {
    /** The schedule's cron time (plus delay) came. */
    SCHEDULED,
    /** {@link CronScheduler#runNow(String)}. */
    MANUAL
}
