package io.ferry.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CronSchedulerTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeTime time = new FakeTime(START);
    private final List<String> events = new ArrayList<>();
    private final SchedulerListener recorder = new SchedulerListener() {
        @Override
        public void runFinished(JobRun run) {
            events.add("finished " + run.jobName() + " " + run.status());
        }

        @Override
        public void jobDisabled(String jobName, JobRun lastRun) {
            events.add("disabled " + jobName + " " + lastRun.error().orElse(""));
        }
    };
    private CronScheduler scheduler = newScheduler(CronScheduler.builder());

    private CronScheduler newScheduler(CronScheduler.Builder builder) {
        return builder.clock(time.clock).timer(time.timer).executor(time.executor).listener(recorder).build();
    }

    @AfterEach
    void close() {
        scheduler.close();
    }

    private void advanceAndRun(Duration step, int times) {
        for (int i = 0; i < times; i++) {
            time.advance(step);
            time.runJobs();
        }
    }

    private static ScheduledJob reportingStart(List<Instant> starts) {
        return ctx -> {
            starts.add(ctx.startTime());
            return JobReport.ofRecords(starts.size());
        };
    }

    @Test
    void schedule_firesAtCronTimePlusDelay() {
        List<Instant> starts = new ArrayList<>();
        Schedule hourly = Schedule.builder().cron("0 * * * *").delay(Duration.ofMinutes(5)).build();
        JobInfo info = scheduler.schedule("hourly", hourly, reportingStart(starts));
        assertThat(info.nextRun()).contains(ZonedDateTime.parse("2026-01-01T00:05Z[UTC]"));

        advanceAndRun(Duration.ofMinutes(5), 36);

        assertThat(starts).containsExactly(Instant.parse("2026-01-01T00:05:00Z"),
                Instant.parse("2026-01-01T01:05:00Z"), Instant.parse("2026-01-01T02:05:00Z"));
        assertThat(scheduler.history("hourly")).extracting(r -> r.scheduledTime().orElseThrow())
                .containsExactly(Instant.parse("2026-01-01T02:05:00Z"), Instant.parse("2026-01-01T01:05:00Z"),
                        Instant.parse("2026-01-01T00:05:00Z"));
        assertThat(scheduler.history("hourly").get(0).records()).hasValue(3);
        assertThat(scheduler.list()).extracting(JobInfo::nextRun)
                .containsExactly(java.util.Optional.of(ZonedDateTime.parse("2026-01-01T03:05Z[UTC]")));
    }

    @Test
    void schedule_inZone_firesAtLocalTime() {
        List<Instant> starts = new ArrayList<>();
        scheduler.schedule("tokyo", Schedule.builder().cron("0 9 * * *").zone("Asia/Tokyo").build(),
                reportingStart(starts));
        assertThat(scheduler.job("tokyo").orElseThrow().nextRun())
                .contains(ZonedDateTime.parse("2026-01-02T09:00+09:00[Asia/Tokyo]"));

        advanceAndRun(Duration.ofHours(12), 4);

        assertThat(starts).containsExactly(Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-01-03T00:00:00Z"));
    }

    @Test
    void schedule_acrossSpringForward_firesOnceAtEndOfGap() {
        scheduler.close();
        time.advance(Duration.between(START, Instant.parse("2026-03-07T12:00:00Z")));
        scheduler = newScheduler(CronScheduler.builder());
        List<Instant> starts = new ArrayList<>();
        scheduler.schedule("ny", Schedule.builder().cron("30 2 * * *").zone("America/New_York").build(),
                reportingStart(starts));

        advanceAndRun(Duration.ofMinutes(30), 4 * 48);

        assertThat(starts).containsExactly(Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-03-09T06:30:00Z"),
                Instant.parse("2026-03-10T06:30:00Z"), Instant.parse("2026-03-11T06:30:00Z"));
    }

    @Test
    void fire_whilePreviousRunIsGoing_isSkippedAndRecorded() {
        scheduler.schedule("slow", Schedule.cron("*/10 * * * *"), ctx -> JobReport.none());

        time.advance(Duration.ofMinutes(10));          // run queued, not finished
        assertThat(scheduler.job("slow").orElseThrow().running()).isTrue();
        time.advance(Duration.ofMinutes(10));          // next fire finds it running
        time.runJobs();

        assertThat(scheduler.history("slow")).extracting(JobRun::status, r -> r.scheduledTime().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(JobStatus.SUCCEEDED, Instant.parse("2026-01-01T00:10:00Z")),
                        org.assertj.core.groups.Tuple.tuple(JobStatus.SKIPPED, Instant.parse("2026-01-01T00:20:00Z")));
        assertThat(scheduler.history("slow").get(1).error()).contains("the previous run was still going");
        assertThat(events).containsExactly("finished slow SKIPPED", "finished slow SUCCEEDED");
    }

    @Test
    void failures_afterMaxInARow_disableJobAndTellListeners() {
        scheduler.close();
        scheduler = newScheduler(CronScheduler.builder().maxConsecutiveFailures(3));
        scheduler.schedule("broken", Schedule.cron("@hourly"), ctx -> {
            throw new IllegalStateException("bucket missing");
        });

        advanceAndRun(Duration.ofHours(1), 5);

        assertThat(scheduler.history("broken")).hasSize(3).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(JobStatus.FAILED);
            assertThat(r.error()).contains("IllegalStateException: bucket missing");
        });
        JobInfo info = scheduler.job("broken").orElseThrow();
        assertThat(info.enabled()).isFalse();
        assertThat(info.nextRun()).isEmpty();
        assertThat(info.consecutiveFailures()).isEqualTo(3);
        assertThat(events).endsWith("finished broken FAILED", "disabled broken IllegalStateException: bucket missing");

        JobInfo enabled = scheduler.enable("broken");
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.consecutiveFailures()).isZero();
        assertThat(enabled.nextRun()).contains(ZonedDateTime.parse("2026-01-01T06:00Z[UTC]"));
        advanceAndRun(Duration.ofHours(1), 1);
        assertThat(scheduler.history("broken")).hasSize(4);
    }

    @Test
    void success_resetsConsecutiveFailures() {
        int[] calls = {0};
        scheduler.schedule("flaky", Schedule.cron("@hourly"), ctx -> {
            if (++calls[0] % 3 != 0) {
                throw new IllegalStateException("try again");
            }
            return JobReport.none();
        });

        advanceAndRun(Duration.ofHours(1), 12);

        JobInfo info = scheduler.job("flaky").orElseThrow();
        assertThat(info.enabled()).isTrue();
        assertThat(calls[0]).isEqualTo(12);
        assertThat(info.consecutiveFailures()).isZero();
    }

    @Test
    void history_isNewestFirstAndCapped() {
        scheduler.close();
        scheduler = newScheduler(CronScheduler.builder().historySize(3));
        List<Instant> starts = new ArrayList<>();
        scheduler.schedule("capped", Schedule.cron("@hourly"), reportingStart(starts));

        advanceAndRun(Duration.ofHours(1), 5);

        assertThat(scheduler.history("capped")).extracting(r -> r.records().getAsLong()).containsExactly(5L, 4L, 3L);
        assertThat(scheduler.job("capped").orElseThrow().lastRun()).contains(scheduler.history("capped").get(0));
    }

    @Test
    void onDemand_neverFiresByItself_runNowRunsIt() throws Exception {
        scheduler.schedule("manual", Schedule.onDemand(), ctx -> JobReport.of(7, ctx.trigger() + " " + ctx.scheduledTime()));
        advanceAndRun(Duration.ofDays(1), 3);
        assertThat(scheduler.history("manual")).isEmpty();
        assertThat(scheduler.job("manual").orElseThrow().nextRun()).isEmpty();

        CompletableFuture<JobRun> run = scheduler.runNow("manual");
        time.runJobs();

        JobRun done = run.get(0, TimeUnit.SECONDS);
        assertThat(done.trigger()).isEqualTo(JobTrigger.MANUAL);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.report()).isEqualTo(JobReport.of(7, "MANUAL Optional.empty"));
        assertThat(done.scheduledTime()).isEmpty();
    }

    @Test
    void runNow_whileRunning_isSkipped() throws Exception {
        scheduler.schedule("busy", Schedule.onDemand(), ctx -> JobReport.none());
        CompletableFuture<JobRun> first = scheduler.runNow("busy");

        JobRun second = scheduler.runNow("busy").get(0, TimeUnit.SECONDS);
        time.runJobs();

        assertThat(second.status()).isEqualTo(JobStatus.SKIPPED);
        assertThat(first.get(0, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void remove_stopsFiring_andForgetsJob() {
        scheduler.schedule("gone", Schedule.cron("@hourly"), ctx -> JobReport.none());
        assertThat(scheduler.remove("gone")).isTrue();
        assertThat(scheduler.remove("gone")).isFalse();

        time.advance(Duration.ofHours(3));

        assertThat(time.queuedJobs()).isZero();
        assertThat(scheduler.list()).isEmpty();
        assertThatThrownBy(() -> scheduler.history("gone"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("no job named \"gone\"; scheduled jobs: [] (name)");
    }

    @Test
    void schedule_duplicateName_throws() {
        scheduler.schedule("a", Schedule.onDemand(), ctx -> JobReport.none());
        assertThatThrownBy(() -> scheduler.schedule("a", Schedule.onDemand(), ctx -> JobReport.none()))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("a job named \"a\" is already scheduled; remove it first or choose another name (name)");
    }

    @Test
    void list_isSortedByName_withNextRuns() {
        scheduler.schedule("b", Schedule.cron("@daily"), ctx -> JobReport.none());
        scheduler.schedule("a", Schedule.onDemand(), ctx -> JobReport.none());
        scheduler.disable("b");

        assertThat(scheduler.list()).extracting(JobInfo::name, JobInfo::enabled, i -> i.nextRun().isPresent())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", true, false),
                        org.assertj.core.groups.Tuple.tuple("b", false, false));
    }

    @Test
    void jobState_persistsBetweenRuns() {
        scheduler.schedule("incremental", Schedule.cron("@hourly"), ctx -> {
            String last = ctx.loadState().orElse("{\"last_path\":\"\"}");
            ctx.saveState("{\"last_path\":\"part-" + ctx.startTime().atZone(java.time.ZoneOffset.UTC).getHour() + "\"}");
            return JobReport.ofDetail(last);
        });

        advanceAndRun(Duration.ofHours(1), 3);

        assertThat(scheduler.history("incremental")).extracting(r -> r.report().detail().orElseThrow())
                .containsExactly("{\"last_path\":\"part-2\"}", "{\"last_path\":\"part-1\"}", "{\"last_path\":\"\"}");
    }

    @Test
    void close_stopsFiring_queuedRunsAreSkipped_runNowThrows() {
        scheduler.schedule("late", Schedule.cron("@hourly"), ctx -> JobReport.none());
        time.advance(Duration.ofHours(1));  // run queued but not started

        scheduler.close();
        time.runJobs();
        time.advance(Duration.ofHours(5));

        assertThat(time.queuedJobs()).isZero();
        assertThat(scheduler.history("late")).extracting(JobRun::status, r -> r.error().orElse(""))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(JobStatus.SKIPPED,
                        "the scheduler was closed before the run started"));
        assertThatThrownBy(() -> scheduler.runNow("late"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the scheduler is closed; create a new one (close)");
    }

    @Test
    void close_afterTimeout_interruptsRunningRun() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CronScheduler real = CronScheduler.builder().clock(time.clock).timer(time.timer).executor(pool)
                    .shutdownTimeout(Duration.ZERO).build();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            real.schedule("stuck", Schedule.onDemand(), ctx -> {
                started.countDown();
                try {
                    never.await();
                    return JobReport.none();
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted by close", e);
                }
            });
            CompletableFuture<JobRun> run = real.runNow("stuck");
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

            real.close();

            JobRun done = run.get(30, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(JobStatus.FAILED);
            assertThat(done.error()).contains("IllegalStateException: interrupted by close");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void builder_rejectsImpossibleValues() {
        assertThatThrownBy(() -> CronScheduler.builder().maxConsecutiveFailures(0))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("must be at least 1, was 0 (maxConsecutiveFailures)");
        assertThatThrownBy(() -> CronScheduler.builder().historySize(0))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("must be at least 1, was 0 (historySize)");
        assertThatThrownBy(() -> scheduler.schedule(" ", Schedule.onDemand(), ctx -> JobReport.none()))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("a job name must not be blank (name)");
    }

    @Test
    void listener_exception_doesNotStopScheduler() {
        scheduler.addListener(new SchedulerListener() {
            @Override
            public void runFinished(JobRun run) {
                throw new IllegalStateException("listener bug");
            }
        });
        scheduler.schedule("ok", Schedule.cron("@hourly"), ctx -> JobReport.none());

        advanceAndRun(Duration.ofHours(1), 2);

        assertThat(scheduler.history("ok")).extracting(JobRun::status)
                .containsExactly(JobStatus.SUCCEEDED, JobStatus.SUCCEEDED);
        assertThat(events.stream().filter(e -> e.startsWith("finished")).collect(Collectors.toList())).hasSize(2);
    }
}
