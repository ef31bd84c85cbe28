package io.ferry.s3.export;

import static io.ferry.s3.export.S3Fixture.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryIoException;
import io.ferry.core.credentials.Credentials;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RotationAndTlsTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG));

    @Test
    void rotateInterval_startsNewObjectsAsTimePasses() {
        String bucket = S3Fixture.S3.newBucket("interval");
        List<Record> rows = LongStream.range(0, 10).mapToObj(i -> Record.of(SCHEMA, i)).collect(Collectors.toList());

        ExportResult r = S3Fixture.export(bucket).path("t/{{HOUR}}{{MINUTE}}-{{UUID}}.csv")
                .rotateInterval(Duration.ofMinutes(1)).clock(TestClock.stepping(Instant.parse("2026-11-25T10:00:00Z"), Duration.ofSeconds(20))).build().write("t", SCHEMA, rows);

        assertThat(r.rows()).isEqualTo(10);
        assertThat(r.objectCount()).isBetween(3, 5);
        assertThat(keys(bucket)).hasSize(r.objectCount()).allMatch(k -> k.startsWith("t/10"));
    }

    @Test
    void skipTlsVerification_acceptsSelfSignedCertificateOnlyWhenAsked() {
        String bucket = S3Fixture.S3.newBucket("tls");
        S3Export.Builder https = S3Export.builder().bucket(bucket).path("tls.csv")
                .connection(c -> c.endpoint(S3Fixture.S3.httpsEndpoint()).pathStyle(true).region("us-east-1")
                        .credentials(Credentials.basic("a", "b")));
        List<Record> one = List.of(Record.of(SCHEMA, 1L));

        assertThatThrownBy(() -> https.build().write("t", SCHEMA, one))
                .isInstanceOf(FerryIoException.class).hasMessageStartingWith("testWrite: cannot reach bucket");
        https.connection(c -> c.skipTlsVerification(true)).build().write("t", SCHEMA, one);
        assertThat(keys(bucket)).containsExactly("tls.csv");
    }
}
