/**
 * A small in-process scheduler for Ferry jobs: {@link io.ferry.core.schedule.Schedule} (cron,
 * zone, delay, or on demand), {@link io.ferry.core.schedule.CronScheduler} (named jobs, no
 * overlap, history, disable after repeated failures) and {@link io.ferry.core.schedule.StateStore}
 * (job state between runs). Knows nothing about S3 or Treasure Data.
 */
package io.ferry.core.schedule;
