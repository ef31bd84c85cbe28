package io.ferry.s3.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ETag arithmetic and the ownership rule; expected ETags are the ones S3Mock 5.2.0 returned for the same bytes. */
class OwnWritesTest {

    @Test
    void singleETag_isTheMd5OfTheBytes() {
        byte[] hello = "xxhelloxx".getBytes(StandardCharsets.US_ASCII);
        assertThat(OwnWrites.singleETag(hello, 2, 5)).isEqualTo("5d41402abc4b2a76b9719d911017c592");
    }

    @Test
    void multipartETag_isTheMd5OfThePartMd5sAndTheCount() {
        assertThat(OwnWrites.multipartETag(List.of("\"5f363e0e58a95f06cbe9bbc662c5dfb6\"",
                "\"a63c90cc3684ad8b0a2176a6a8fe9005\""))).isEqualTo("fe1f8220e3dd212ef18d6ffcd08b6367-2");
    }

    @Test
    void multipartETag_partETagNotAnMd5_isUnknown() {
        assertThat(OwnWrites.multipartETag(List.of("\"5f363e0e58a95f06cbe9bbc662c5dfb6\"", "\"kms-opaque\""))).isNull();
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            run/1     | "abc"  | true
            run/2     | "abc"  | false
            run/1     | "zzz"  | true
            ''        | "abc"  | true
            ''        | "zzz"  | false
            """)
    void writtenBy_writeIdDecidesAndEtagOnlyWithoutOne(String remoteId, String remoteETag, boolean ours) {
        OwnWrites.Remote remote = new OwnWrites.Remote(true, remoteId.isEmpty() ? null : remoteId, remoteETag);
        assertThat(remote.writtenBy("run/1", "ABC", "s3://b/k")).isEqualTo(ours);
    }

    @Test
    void writtenBy_absentKey_isNotOurs() {
        assertThat(OwnWrites.Remote.ABSENT.writtenBy("run/1", "abc", "s3://b/k")).isFalse();
    }
}
