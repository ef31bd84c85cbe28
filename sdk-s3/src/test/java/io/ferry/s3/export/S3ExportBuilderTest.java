package io.ferry.s3.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.Credentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder validation: no network involved. */
class S3ExportBuilderTest {
    private static S3Export.Builder valid() {
        return S3Export.builder().bucket("bkt").path("k.csv");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 5001})
    void partSize_outOfRange_throws(int mb) {
        assertThatThrownBy(() -> valid().partSize(mb))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("partSize must be between 5 MB and 5000 MB, was " + mb + " MB (partSize)");
    }

    @Test
    void defaults_matchTheDocumentation() {
        S3Export e = valid().build();
        assertThat(e.partSizeMb()).isEqualTo(10);
        assertThat(e.writeStrategy()).isEqualTo(WriteStrategy.CREATE_NEW);
        assertThat(e.testWrite()).isTrue();
        assertThat(e.writeEmptyObjects()).isFalse();
        assertThat(e.format().extension()).isEqualTo("csv");
        assertThat(e.sse()).isEmpty();
        assertThat(e.acl()).isEmpty();
        assertThat(e.connection().maxConcurrency()).isEqualTo(4);
        assertThat(e.toBuilder().build().toString()).isEqualTo(e.toString());
    }

    @Test
    void build_withoutBucket_throws() {
        assertThatThrownBy(() -> S3Export.builder().path("k").build())
                .isInstanceOf(FerryConfigException.class).hasMessage("bucket is required (bucket)");
    }

    @Test
    void build_withoutPath_throws() {
        assertThatThrownBy(() -> S3Export.builder().bucket("bkt").build())
                .isInstanceOf(FerryConfigException.class).hasMessageStartingWith("path is required")
                .hasMessageEndingWith("(path)");
    }

    @Test
    void bucket_withSlash_throws() {
        assertThatThrownBy(() -> valid().bucket("b/folder"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the bucket must be a bare bucket name without '/', was 'b/folder'; put folders into path (bucket)");
    }

    @Test
    void build_anonymousCredentials_throws() {
        assertThatThrownBy(() -> valid().credentials(Credentials.anonymous()).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessageStartingWith("anonymous credentials cannot write to S3")
                .hasMessageEndingWith("(credentials)");
    }

    @Test
    void build_unknownPlaceholder_throwsNamingIt() {
        assertThatThrownBy(() -> valid().path("x/{{NOPE}}.csv").build())
                .isInstanceOf(FerryConfigException.class).hasMessageContaining("{{NOPE}}")
                .hasMessageEndingWith("(path)");
    }

    @Test
    void rotateInterval_zero_throws() {
        assertThatThrownBy(() -> valid().rotateInterval(Duration.ZERO))
                .isInstanceOf(FerryConfigException.class).hasMessage("rotateInterval must be positive, was PT0S (rotateInterval)");
    }

    @Test
    void maxRowsPerObject_negative_throws() {
        assertThatThrownBy(() -> valid().maxRowsPerObject(-1))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("maxRowsPerObject must be 0 (no limit) or more, was -1 (maxRowsPerObject)");
    }

    @Test
    void build_rotationWithPartitionOnly_isAllowed() {
        assertThat(valid().path("x/{code}.csv").maxBytesPerObject(1 << 20).build().maxBytesPerObject())
                .isEqualTo(1 << 20);
    }

    @Test
    void sseKms_blankKey_throws() {
        assertThatThrownBy(() -> Sse.kms(" "))
                .isInstanceOf(FerryConfigException.class).hasMessageEndingWith("(kmsKeyId)");
    }

    @Test
    void cannedAcl_parse_acceptsHeaderValuesAndListsThemOnError() {
        assertThat(CannedAcl.parse("bucket-owner-full-control")).isEqualTo(CannedAcl.BUCKET_OWNER_FULL_CONTROL);
        assertThatThrownBy(() -> CannedAcl.parse("everyone"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("unknown canned ACL 'everyone'; use one of private, public-read, public-read-write,"
                        + " authenticated-read, aws-exec-read, bucket-owner-read, bucket-owner-full-control (acl)");
    }
}
