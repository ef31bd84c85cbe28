package io.ferry.s3.export;

import static io.ferry.s3.export.S3Fixture.client;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.s3.testing.SharedS3Mock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Encryption, ACL and conditional-write headers. S3Mock checks and echoes SSE on PutObject, but
 * ignores ACLs, does not keep SSE given on CreateMultipartUpload and encrypts nothing, so the
 * headers Ferry sends are captured with an AWS SDK {@code ExecutionInterceptor} and asserted
 * directly; what S3Mock does echo is asserted too.
 */
class S3ExportHeadersTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG), Column.of("text", ColumnType.STRING));

    private static List<Record> rows(int n, int width) {
        String text = "x".repeat(width);
        return LongStream.range(0, n).mapToObj(i -> Record.of(SCHEMA, i, text)).collect(Collectors.toList());
    }

    private static S3Client capturing(RequestHeaders headers) {
        return SharedS3Mock.get().clientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(headers)).build();
    }

    @Test
    void singlePut_sendsKmsAclAndIfNoneMatch() {
        String bucket = S3Fixture.S3.newBucket("hdr-put");
        RequestHeaders headers = new RequestHeaders();
        try (S3Client s3 = capturing(headers)) {
            S3Export.builder().bucket(bucket).path("enc/data.csv").client(s3)
                    .sse(Sse.kms(SharedS3Mock.VALID_KMS_KEY_ID)).acl(CannedAcl.BUCKET_OWNER_FULL_CONTROL)
                    .testWrite(false).build().write("t", SCHEMA, rows(3, 5));
        }

        RequestHeaders.Sent put = headers.of("PutObject").get(0);
        assertThat(put.header("x-amz-server-side-encryption")).isEqualTo("aws:kms");
        assertThat(put.header("x-amz-server-side-encryption-aws-kms-key-id")).isEqualTo(SharedS3Mock.VALID_KMS_KEY_ID);
        assertThat(put.header("x-amz-acl")).isEqualTo("bucket-owner-full-control");
        assertThat(put.header("If-None-Match")).isEqualTo("*");
        assertThat(put.header("Content-Type")).isEqualTo("text/csv");
        // S3Mock validates the key id and echoes SSE-KMS for PutObject
        var head = client().headObject(b -> b.bucket(bucket).key("enc/data.csv"));
        assertThat(head.serverSideEncryptionAsString()).isEqualTo("aws:kms");
        assertThat(head.ssekmsKeyId()).contains(SharedS3Mock.VALID_KMS_KEY_ID);
    }

    @Test
    void multipart_sendsSseAndAclOnCreateAndIfNoneMatchOnComplete() {
        String bucket = S3Fixture.S3.newBucket("hdr-mpu");
        RequestHeaders headers = new RequestHeaders();
        try (S3Client s3 = capturing(headers)) {
            S3Export.builder().bucket(bucket).path("enc/big.csv").client(s3).partSize(5)
                    .sse(Sse.s3()).acl(CannedAcl.PRIVATE).testWrite(false).build()
                    .write("t", SCHEMA, rows(60_000, 100));
        }

        RequestHeaders.Sent create = headers.of("CreateMultipartUpload").get(0);
        assertThat(create.header("x-amz-server-side-encryption")).isEqualTo("AES256");
        assertThat(create.header("x-amz-acl")).isEqualTo("private");
        assertThat(create.header("Content-Type")).isEqualTo("text/csv");
        assertThat(headers.of("UploadPart")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(headers.of("CompleteMultipartUpload")).singleElement()
                .satisfies(c -> assertThat(c.header("If-None-Match")).isEqualTo("*"));
    }

    @Test
    void replace_sendsNoConditionAndDsseHeaders() {
        String bucket = S3Fixture.S3.newBucket("hdr-dsse");
        RequestHeaders headers = new RequestHeaders();
        try (S3Client s3 = capturing(headers)) {
            S3Export.builder().bucket(bucket).path("enc/d.csv").client(s3).writeStrategy(WriteStrategy.REPLACE)
                    .sse(Sse.dsseKms(SharedS3Mock.VALID_KMS_KEY_ID)).testWrite(false).build()
                    .write("t", SCHEMA, rows(1, 1));
        } catch (io.ferry.core.FerryIoException e) {
            // S3Mock may refuse dual-layer KMS; the request headers are what this test checks
            assertThat(e).hasMessageContaining("s3://" + bucket + "/enc/d.csv");
        }

        RequestHeaders.Sent put = headers.of("PutObject").get(0);
        assertThat(put.header("x-amz-server-side-encryption")).isEqualTo("aws:kms:dsse");
        assertThat(put.header("x-amz-server-side-encryption-aws-kms-key-id")).isEqualTo(SharedS3Mock.VALID_KMS_KEY_ID);
        assertThat(put.header("If-None-Match")).isNull();
        assertThat(put.header("x-amz-meta-ferry-write-id")).matches("[0-9a-f-]{36}/1");
        // REPLACE HEADs only its own key, to know whether it existed (a rollback keeps what replaced an older object)
        assertThat(headers.of("HeadObject")).isNotEmpty()
                .allSatisfy(h -> assertThat(h.request.encodedPath()).endsWith("/enc/d.csv"));
    }
}
