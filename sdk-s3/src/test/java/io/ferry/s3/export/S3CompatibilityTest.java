package io.ferry.s3.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.CollectingSink;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.RequestChecksums;
import io.ferry.s3.imports.S3Import;
import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.s3.testing.SharedS3Proxy;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ferry against a store that refuses the AWS SDK's flexible checksums (S3Proxy): the
 * {@code requestChecksums} option, its default for an endpoint, multipart uploads with a ready
 * client, and what {@code testWrite} says when the store refuses the request's form. The headers
 * are captured with an {@code ExecutionInterceptor}.
 */
class S3CompatibilityTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG), Column.of("text", ColumnType.STRING));
    private static final SharedS3Proxy PROXY = SharedS3Proxy.get();

    private static List<Record> rows(int n, int width) {
        String text = "x".repeat(width);
        return LongStream.range(0, n).mapToObj(i -> Record.of(SCHEMA, i, text)).collect(Collectors.toList());
    }

    private static boolean hasChecksumHeader(RequestHeaders.Sent sent) {
        return sent.headers().keySet().stream().anyMatch(h -> h.toLowerCase().startsWith("x-amz-checksum")
                || h.equalsIgnoreCase("x-amz-sdk-checksum-algorithm") || h.equalsIgnoreCase("x-amz-trailer"));
    }

    @Test
    void write_endpointWithDefaults_sendsNoFlexibleChecksumsAndPublishesThreeParts() {
        String bucket = PROXY.newBucket("compat-default");
        RequestHeaders headers = new RequestHeaders();
        ExportResult r = S3Export.builder().bucket(bucket).path("big/{{TABLE}}.csv").partSize(5)
                .connection(c -> PROXY.connect(c.addInterceptor(headers)))
                .build().write("t", SCHEMA, rows(110_000, 100));

        assertThat(r.objects()).singleElement().satisfies(o -> assertThat(o.parts()).isGreaterThanOrEqualTo(3));
        assertThat(headers.of("CreateMultipartUpload")).singleElement()
                .satisfies(s -> assertThat(hasChecksumHeader(s)).isFalse());
        assertThat(headers.of("UploadPart")).hasSizeGreaterThanOrEqualTo(3).noneMatch(S3CompatibilityTest::hasChecksumHeader);
        assertThat(headers.of("PutObject")).noneMatch(S3CompatibilityTest::hasChecksumHeader);
        byte[] body = PROXY.client().getObjectAsBytes(b -> b.bucket(bucket).key("big/t.csv")).asByteArray();
        assertThat((long) body.length).isEqualTo(r.objects().get(0).bytes());
    }

    @Test
    void run_importThroughEndpointWithDefaults_asksForNoResponseChecksum() {
        String bucket = PROXY.newBucket("compat-import");
        PROXY.client().putObject(b -> b.bucket(bucket).key("in/a.csv"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("1\n2\n"));
        RequestHeaders headers = new RequestHeaders();
        CollectingSink sink = new CollectingSink();
        S3Import.builder().bucket(bucket).pathPrefix("in/").connection(c -> PROXY.connect(c.addInterceptor(headers)))
                .parser(ParserConfig.builder().column("n", ColumnType.LONG).build()).build().run(sink);

        assertThat(sink.records()).extracting(x -> x.getLong("n")).containsExactly(1L, 2L);
        assertThat(headers.of("GetObject")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.header("x-amz-checksum-mode")).isNull());
    }

    @Test
    void write_readyClientWithChecksumsWhenRequired_multipartFollowsTheClient() {
        String bucket = PROXY.newBucket("compat-client");
        RequestHeaders headers = new RequestHeaders();
        try (S3Client own = PROXY.clientBuilder().overrideConfiguration(o -> o.addExecutionInterceptor(headers)).build()) {
            ExportResult r = S3Export.builder().bucket(bucket).path("big.csv").partSize(5).client(own).build()
                    .write("t", SCHEMA, rows(60_000, 100));
            assertThat(r.objects().get(0).parts()).isGreaterThanOrEqualTo(2);
        }
        assertThat(headers.of("CreateMultipartUpload")).singleElement()
                .satisfies(s -> assertThat(s.header("x-amz-checksum-algorithm")).isNull());
        assertThat(headers.of("UploadPart")).noneMatch(S3CompatibilityTest::hasChecksumHeader);
        assertThat(PROXY.client().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    @Test
    void write_readyClientWithSdkDefaultsButOptionWhenRequired_ferryAsksForNoChecksum() {
        SharedS3Mock mock = SharedS3Mock.get();
        String bucket = mock.newBucket("compat-option");
        RequestHeaders headers = new RequestHeaders();
        try (S3Client own = mock.clientBuilder().overrideConfiguration(o -> o.addExecutionInterceptor(headers)).build()) {
            S3Export.builder().bucket(bucket).path("big.csv").partSize(5).client(own)
                    .requestChecksums(RequestChecksums.WHEN_REQUIRED).build().write("t", SCHEMA, rows(60_000, 100));
        }
        assertThat(headers.of("CreateMultipartUpload")).singleElement()
                .satisfies(s -> assertThat(s.header("x-amz-checksum-algorithm")).isNull());
    }

    @Test
    void write_readyClientWithSdkDefaults_multipartAsksForCrc32() {
        SharedS3Mock mock = SharedS3Mock.get();
        String bucket = mock.newBucket("compat-crc");
        RequestHeaders headers = new RequestHeaders();
        try (S3Client own = mock.clientBuilder().overrideConfiguration(o -> o.addExecutionInterceptor(headers)).build()) {
            S3Export.builder().bucket(bucket).path("big.csv").partSize(5).client(own).build()
                    .write("t", SCHEMA, rows(60_000, 100));
        }
        assertThat(headers.of("CreateMultipartUpload")).singleElement()
                .satisfies(s -> assertThat(s.header("x-amz-checksum-algorithm")).isEqualTo("CRC32"));
        assertThat(headers.of("UploadPart")).allMatch(S3CompatibilityTest::hasChecksumHeader);
    }

    @Test
    void open_checksumsWhenSupportedOnS3Proxy_testWriteNamesTheOption() {
        String bucket = PROXY.newBucket("compat-probe");
        S3Export export = S3Export.builder().bucket(bucket).path("out/{{UUID}}.csv")
                .connection(c -> PROXY.connect(c.requestChecksums(RequestChecksums.WHEN_SUPPORTED))).build();

        assertThatThrownBy(() -> export.open("t", SCHEMA))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("testWrite: the store refused the probe object in bucket '" + bucket + "' under prefix"
                        + " 'out/' as a request it does not support (XAmzContentSHA256Mismatch (HTTP 400): The provided"
                        + " 'x-amz-content-sha256' header does not match what was computed.); this looks like an"
                        + " S3-compatibility problem, not a missing permission: set requestChecksums(RequestChecksums"
                        + ".WHEN_REQUIRED) on the connection (with your own S3Client, also build it with"
                        + " requestChecksumCalculation(WHEN_REQUIRED) and responseChecksumValidation(WHEN_REQUIRED))"
                        + " (requestChecksums)");
        assertThat(PROXY.client().listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
    }

    @Test
    void open_sseOnS3Proxy_testWriteNamesSse() {
        String bucket = PROXY.newBucket("compat-sse");
        S3Export export = S3Export.builder().bucket(bucket).path("out/{{UUID}}.csv").sse(Sse.s3())
                .connection(PROXY::connect).build();

        assertThatThrownBy(() -> export.open("t", SCHEMA))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageStartingWith("testWrite: the store refused the probe object in bucket '" + bucket
                        + "' under prefix 'out/' as a request it does not support (NotImplemented (HTTP 501)")
                .hasMessageEndingWith("the store may not support sse(...); remove it, or check the store's"
                        + " documentation (sse)");
    }
}
