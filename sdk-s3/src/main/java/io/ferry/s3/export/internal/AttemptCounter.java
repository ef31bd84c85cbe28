package io.ferry.s3.export.internal;

import java.util.List;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Learns from the AWS SDK's metrics of one request whether the SDK sent it more than once.
 * Attached to a single request; the SDK publishes the request's metrics when the call ends.
 * Until then, or if the SDK reports nothing, the answer is "unknown", which callers treat as
 * "retried".
 */
final class AttemptCounter implements MetricPublisher {
    private volatile int retries = -1;

    @Override
    public void publish(MetricCollection metrics) {
        List<Integer> counted = metrics.metricValues(CoreMetric.RETRY_COUNT);
        if (!counted.isEmpty() && counted.get(0) != null) {
            retries = counted.get(0);
        }
    }

    /** Whether the request was certainly sent exactly once. */
    boolean sentOnce() {
        return retries == 0;
    }

    @Override
    public void close() {
        // nothing held
    }
}
