package io.ferry.s3.micrometer;

import io.ferry.core.FerryConfigException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Records the AWS SDK metrics of Ferry's S3 requests in a Micrometer {@link MeterRegistry}. Give
 * it to {@code S3Connection.Builder.addMetricPublisher}; every request of the clients Ferry builds
 * then updates three meters, tagged with the S3 operation ({@code PutObject}, {@code GetObject},
 * {@code UploadPart}, ...):
 *
 * <ul>
 *   <li>{@value #REQUESTS} (timer): each request, all attempts together, tagged {@code outcome}
 *       {@code success} or {@code failure};</li>
 *   <li>{@value #ATTEMPTS} (counter): each HTTP attempt, tagged {@code status} (the HTTP status
 *       code, or {@code none} when no answer came);</li>
 *   <li>{@value #RETRIES} (counter): the retries the AWS SDK made.</li>
 * </ul>
 *
 * <pre>{@code
 * MeterRegistry registry = ...;
 * S3Export export = S3Export.builder()
 *     .bucket("my-bucket").path("out/{{TABLE}}.csv")
 *     .connection(c -> c.addMetricPublisher(MicrometerMetricPublisher.of(registry)))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe (requests publish from several threads). {@link #close()} does
 * nothing: the registry stays the caller's.
 */
public final class MicrometerMetricPublisher implements MetricPublisher {
    /** The timer of requests. */
    public static final String REQUESTS = "ferry.s3.requests";
    /** The counter of HTTP attempts. */
    public static final String ATTEMPTS = "ferry.s3.attempts";
    /** The counter of retries. */
    public static final String RETRIES = "ferry.s3.retries";

    private final MeterRegistry registry;

    private MicrometerMetricPublisher(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A publisher recording into {@code registry}.
     *
     * @param registry the registry the meters go to; Ferry never closes it
     * @return the publisher
     * @throws FerryConfigException if {@code registry} is null
     */
    public static MicrometerMetricPublisher of(MeterRegistry registry) {
        return new MicrometerMetricPublisher(FerryConfigException.requireNonNull(registry, "registry"));
    }

    /**
     * Records one request's metrics (an {@code ApiCall} collection); other collections are ignored.
     *
     * @throws FerryConfigException if {@code metrics} is null
     */
    @Override
    public void publish(MetricCollection metrics) {
        FerryConfigException.requireNonNull(metrics, "metrics");
        if (!"ApiCall".equals(metrics.name())) {
            return;
        }
        String operation = first(metrics.metricValues(CoreMetric.OPERATION_NAME), "unknown");
        boolean success = first(metrics.metricValues(CoreMetric.API_CALL_SUCCESSFUL), false);
        Duration took = first(metrics.metricValues(CoreMetric.API_CALL_DURATION), null);
        if (took != null) {
            Timer.builder(REQUESTS).description("S3 requests made by Ferry, all attempts together")
                    .tags("operation", operation, "outcome", success ? "success" : "failure")
                    .register(registry).record(took);
        }
        int retries = first(metrics.metricValues(CoreMetric.RETRY_COUNT), 0);
        Counter.builder(RETRIES).description("retries the AWS SDK made for Ferry's S3 requests")
                .tag("operation", operation).register(registry).increment(retries);
        metrics.childrenWithName("ApiCallAttempt").forEach(attempt -> {
            Integer status = first(attempt.metricValues(HttpMetric.HTTP_STATUS_CODE), null);
            Counter.builder(ATTEMPTS).description("HTTP attempts of Ferry's S3 requests")
                    .tags("operation", operation, "status", status == null ? "none" : status.toString())
                    .register(registry).increment();
        });
    }

    private static <T> T first(List<T> values, T otherwise) {
        return values.isEmpty() ? otherwise : values.get(0);
    }

    /** Does nothing: the registry is not Ferry's to close. */
    @Override
    public void close() {
        // the registry stays the caller's
    }

    @Override
    public String toString() {
        return "MicrometerMetricPublisher{" + registry.getClass().getSimpleName() + "}";
    }
}
