package io.ferry.s3.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.testing.SharedS3Mock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Micrometer binding on a real export to S3Mock. */
class MicrometerMetricPublisherTest {
    private static final SharedS3Mock S3 = SharedS3Mock.get();
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG));

    @Test
    void export_recordsEveryRequestInTheRegistry() {
        String bucket = S3.newBucket("micrometer");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        S3Export export = S3Export.builder().bucket(bucket).path("m/{{TABLE}}.csv")
                .connection(c -> S3.connect(c.addMetricPublisher(MicrometerMetricPublisher.of(registry))))
                .build();

        ExportResult r = export.write("t", SCHEMA, List.of(Record.of(SCHEMA, 1L), Record.of(SCHEMA, 2L)));

        assertThat(r.objects()).hasSize(1);
        Timer puts = registry.find(MicrometerMetricPublisher.REQUESTS)
                .tags("operation", "PutObject", "outcome", "success").timer();
        assertThat(puts).isNotNull();
        assertThat(puts.count()).isPositive();
        assertThat(puts.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        long requests = registry.find(MicrometerMetricPublisher.REQUESTS).timers().stream().mapToLong(Timer::count).sum();
        double attempts = registry.find(MicrometerMetricPublisher.ATTEMPTS).counters().stream()
                .mapToDouble(Counter::count).sum();
        double retries = registry.find(MicrometerMetricPublisher.RETRIES).counters().stream()
                .mapToDouble(Counter::count).sum();
        assertThat(attempts).as("one attempt per request, none retried").isEqualTo(requests + retries);
        assertThat(registry.find(MicrometerMetricPublisher.ATTEMPTS).tags("operation", "PutObject").counters())
                .allSatisfy(c -> assertThat(c.getId().getTag("status")).matches("2\\d\\d"));
    }

    @Test
    void failedRequest_isRecordedAsFailureWithItsStatus() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        S3Export export = S3Export.builder().bucket("no-such-bucket-micrometer").path("m/{{TABLE}}.csv")
                .connection(c -> S3.connect(c.maxAttempts(1).addMetricPublisher(MicrometerMetricPublisher.of(registry))))
                .build();

        assertThatThrownBy(() -> export.write("t", SCHEMA, List.of(Record.of(SCHEMA, 1L))))
                .isInstanceOf(FerryException.class);

        assertThat(registry.find(MicrometerMetricPublisher.REQUESTS).tag("outcome", "failure").timers()).isNotEmpty();
        assertThat(registry.find(MicrometerMetricPublisher.ATTEMPTS).tag("status", "404").counters()).isNotEmpty();
    }

    @Test
    void of_nullRegistry_throws() {
        assertThatThrownBy(() -> MicrometerMetricPublisher.of(null))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageEndingWith("(registry)");
        assertThat(MicrometerMetricPublisher.of(new SimpleMeterRegistry()))
                .hasToString("MicrometerMetricPublisher{SimpleMeterRegistry}");
    }
}
