package io.ferry.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.sink.CollectingSink;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.imports.ImportResult;
import io.ferry.s3.imports.S3Import;
import io.ferry.s3.internal.S3ClientLease;
import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.testkit.Fault;
import io.ferry.testkit.FaultPlan;
import io.ferry.testkit.FaultProxy;
import io.ferry.testkit.S3Operation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.DefaultRetryStrategy;

/** The AWS client tuning on {@link S3Connection}: retries, API call timeouts and metric publishers. */
class S3ConnectionTuningTest {
    private static final SharedS3Mock S3 = SharedS3Mock.get();
    private static final ParserConfig PARSER = ParserConfig.builder().noQuote().column("id", ColumnType.LONG).build();

    /** Keeps every metric collection it is given; notes whether it was closed. */
    private static final class CollectingPublisher implements MetricPublisher {
        final List<MetricCollection> published = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void publish(MetricCollection metrics) {
            published.add(metrics);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 21})
    void maxAttempts_outOfRange_throws(int value) {
        assertThatThrownBy(() -> S3Connection.builder().maxAttempts(value))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("maxAttempts must be between 1 and 20, was " + value + " (maxAttempts)");
    }

    @ParameterizedTest
    @CsvSource({"apiCallTimeout, PT0S", "apiCallTimeout, PT-1S", "apiCallAttemptTimeout, PT0S",
                "apiCallAttemptTimeout, PT-0.5S"})
    void timeouts_notPositive_throw(String option, String value) {
        Duration d = Duration.parse(value);
        S3Connection.Builder b = S3Connection.builder();
        assertThatThrownBy(() -> {
            if (option.equals("apiCallTimeout")) {
                b.apiCallTimeout(d);
            } else {
                b.apiCallAttemptTimeout(d);
            }
        }).isInstanceOf(FerryConfigException.class).hasMessage(option + " must be positive, was " + d + " (" + option + ")");
    }

    @Test
    void build_attemptTimeoutAboveCallTimeout_throws() {
        assertThatThrownBy(() -> S3Connection.builder().apiCallTimeout(Duration.ofSeconds(5))
                .apiCallAttemptTimeout(Duration.ofSeconds(6)).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("apiCallAttemptTimeout (PT6S) must not exceed apiCallTimeout (PT5S): one attempt cannot"
                        + " take longer than the whole call (apiCallAttemptTimeout)");
    }

    static Stream<Arguments> clientOptions() {
        return Stream.of(
                Arguments.of("maxAttempts", (Consumer<S3Connection.Builder>) b -> b.maxAttempts(2)),
                Arguments.of("retryStrategy", (Consumer<S3Connection.Builder>) b -> b.retryStrategy(
                        DefaultRetryStrategy.doNotRetry())),
                Arguments.of("apiCallTimeout", (Consumer<S3Connection.Builder>) b -> b.apiCallTimeout(Duration.ofSeconds(1))),
                Arguments.of("apiCallAttemptTimeout",
                        (Consumer<S3Connection.Builder>) b -> b.apiCallAttemptTimeout(Duration.ofSeconds(1))),
                Arguments.of("addMetricPublisher",
                        (Consumer<S3Connection.Builder>) b -> b.addMetricPublisher(new CollectingPublisher())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientOptions")
    void build_readyClientWithTuning_throwsNamingTheOption(String option, Consumer<S3Connection.Builder> set) {
        S3Connection.Builder b = S3Connection.builder().client(S3.client());
        set.accept(b);
        assertThatThrownBy(b::build).isInstanceOf(FerryConfigException.class)
                .hasMessage("a ready S3Client keeps its own override configuration, so " + option + " would be"
                        + " ignored; set it on that client's ClientOverrideConfiguration, or drop client(...) ("
                        + option + ")");
    }

    @Test
    void maxAttemptsAndRetryStrategy_replaceEachOther_andAreKeptAndShown() {
        RetryStrategy none = DefaultRetryStrategy.doNotRetry();
        S3Connection strategy = S3Connection.builder().maxAttempts(4).retryStrategy(none).build();
        S3Connection attempts = strategy.toBuilder().maxAttempts(6).build();

        assertThat(strategy.retryStrategy()).containsSame(none);
        assertThat(strategy.maxAttempts()).isEmpty();
        assertThat(attempts.maxAttempts()).hasValue(6);
        assertThat(attempts.retryStrategy()).isEmpty();
        assertThat(strategy.toString()).contains(", retryStrategy=" + none.getClass().getSimpleName() + "(maxAttempts=1)");
        assertThat(attempts.toString()).contains(", maxAttempts=6").doesNotContain("retryStrategy");
    }

    @Test
    void timeoutsAndPublishers_keptByToBuilder_shownByToString_appliedToTheBuiltClient() {
        CollectingPublisher publisher = new CollectingPublisher();
        S3Connection c = S3Connection.builder().maxAttempts(7).apiCallTimeout(Duration.ofSeconds(40))
                .apiCallAttemptTimeout(Duration.ofSeconds(9)).addMetricPublisher(publisher).build().toBuilder().build();

        assertThat(c.apiCallTimeout()).contains(Duration.ofSeconds(40));
        assertThat(c.apiCallAttemptTimeout()).contains(Duration.ofSeconds(9));
        assertThat(c.metricPublishers()).containsExactly(publisher);
        assertThat(c.toString()).endsWith(", maxAttempts=7, apiCallTimeout=PT40S, apiCallAttemptTimeout=PT9S,"
                + " metricPublishers=[CollectingPublisher]}");
        assertThat(S3Connection.builder().build().toString()).doesNotContain("maxAttempts").doesNotContain("apiCall")
                .doesNotContain("metricPublishers");
        try (S3ClientLease lease = S3ClientLease.open(c.toBuilder().endpoint(S3.endpoint()).region("us-east-1").build())) {
            ClientOverrideConfiguration o = lease.client().serviceClientConfiguration().overrideConfiguration();
            assertThat(o.retryStrategy()).map(RetryStrategy::maxAttempts).contains(7);
            assertThat(o.apiCallTimeout()).contains(Duration.ofSeconds(40));
            assertThat(o.apiCallAttemptTimeout()).contains(Duration.ofSeconds(9));
            assertThat(o.metricPublishers()).containsExactly(publisher);
        }
    }

    @Test
    void metricPublisher_receivesApiCallMetricsOfEachRequest_andIsNotClosedByFerry() {
        String bucket = S3.newBucket("metrics");
        CollectingPublisher publisher = new CollectingPublisher();
        S3Connection.Builder options = S3Connection.builder().addMetricPublisher(publisher);
        S3.connect(options);
        S3Connection c = options.build();

        try (S3ClientLease lease = S3ClientLease.open(c)) {
            lease.client().putObject(b -> b.bucket(bucket).key("m.txt"), RequestBody.fromString("metered"));
            lease.client().headObject(b -> b.bucket(bucket).key("m.txt"));
        }

        assertThat(publisher.published).extracting(MetricCollection::name).containsExactly("ApiCall", "ApiCall");
        assertThat(publisher.published).flatExtracting(m -> m.metricValues(CoreMetric.OPERATION_NAME))
                .containsExactly("PutObject", "HeadObject");
        MetricCollection put = publisher.published.get(0);
        assertThat(put.metricValues(CoreMetric.SERVICE_ID)).containsExactly("S3");
        assertThat(put.metricValues(CoreMetric.API_CALL_SUCCESSFUL)).containsExactly(true);
        assertThat(put.metricValues(CoreMetric.SERVICE_ENDPOINT)).containsExactly(S3.endpoint());
        assertThat(put.childrenWithName("ApiCallAttempt").toList()).singleElement()
                .satisfies(a -> assertThat(a.metricValues(HttpMetric.HTTP_STATUS_CODE)).containsExactly(200));
        assertThat(publisher.closed).as("the user's publisher outlives the client Ferry built").isFalse();
    }

    /** Stalls the first ListObjectsV2 for {@code stall} and counts them (a stalled one is logged only after its stall). */
    private static FaultPlan stallFirstList(AtomicInteger lists, Duration stall) {
        FaultPlan plan = r -> S3Operation.of(r) == S3Operation.LIST_OBJECTS && lists.incrementAndGet() == 1
                ? Fault.STALL : Fault.NONE;
        return plan.withStall(stall);
    }

    @Test
    void apiCallTimeout_stalledEndpoint_failsWithFerryIoExceptionBeforeTheStallEnds() {
        String bucket = S3.newBucket("call-timeout");
        Duration stall = Duration.ofSeconds(20);
        AtomicInteger lists = new AtomicInteger();
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint().getPort(), stallFirstList(lists, stall))) {
            S3Import imp = S3Import.builder().bucket(bucket).parser(PARSER).readAttempts(1)
                    .connection(c -> S3.connect(c.maxAttempts(1).apiCallTimeout(Duration.ofMillis(500))))
                    .endpoint(proxy.endpoint().toString()).build();
            long start = System.nanoTime();

            assertThatThrownBy(() -> imp.run(new CollectingSink()))
                    .isInstanceOf(FerryIoException.class)
                    .hasMessageStartingWith("cannot list s3://" + bucket + "/")
                    .hasMessageContaining("ApiCallTimeoutException").hasMessageContaining("500 millis");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(stall.dividedBy(2));
            assertThat(lists.get()).as("maxAttempts(1): no retry").isEqualTo(1);
        }
    }

    @Test
    void apiCallAttemptTimeout_stalledAttempt_isRetriedAndTheRunSucceeds() {
        String bucket = S3.newBucket("attempt-timeout");
        S3.client().putObject(b -> b.bucket(bucket).key("a.csv"), RequestBody.fromString("1\n2\n"));
        AtomicInteger lists = new AtomicInteger();
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint().getPort(), stallFirstList(lists, Duration.ofSeconds(60)))) {
            S3Import imp = S3Import.builder().bucket(bucket).parser(PARSER).readAttempts(1)
                    .connection(c -> S3.connect(c.maxAttempts(2).apiCallAttemptTimeout(Duration.ofSeconds(3))))
                    .endpoint(proxy.endpoint().toString()).build();

            ImportResult r = imp.run(new CollectingSink());

            assertThat(r.rows()).isEqualTo(2);
            assertThat(lists.get()).as("the stalled ListObjectsV2 attempt, then its retry").isEqualTo(2);
            assertThat(proxy.exchanges()).anyMatch(e -> S3Operation.of(e.request()) == S3Operation.LIST_OBJECTS
                    && e.fault() == Fault.NONE && e.status() == 200);
        }
    }
}
