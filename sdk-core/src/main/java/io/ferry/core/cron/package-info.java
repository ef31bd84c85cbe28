/**
 * Cron expressions with Vixie cron semantics, as Treasure Data schedules use them:
 * {@link io.ferry.core.cron.CronExpression} (parse, next, previous, nextTimes) and
 * {@link io.ferry.core.cron.CronZones} (IANA zone ids only). Pure: no threads, no I/O.
 */
package io.ferry.core.cron;
