package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3LocationTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "s3://bucket/logs/2024-     | bucket | logs/2024-",
        "s3://bucket/               | bucket | ''",
        "s3://bucket                | bucket | ''",
        "s3://b/a/b/c.csv           | b      | a/b/c.csv",
    })
    void parse_splitsBucketAndPrefix(String text, String bucket, String prefix) {
        S3Location loc = S3Location.parse(text.strip());

        assertThat(loc.bucket()).isEqualTo(bucket.strip());
        assertThat(loc.prefix()).isEqualTo(prefix.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bucket/logs | 'bucket/logs' is not an S3 location; write s3://BUCKET/PREFIX, e.g. s3://my-bucket/logs/2024- (location)",
        "s3:///logs  | 's3:///logs' has no bucket; write s3://BUCKET/PREFIX (location)",
    })
    void parse_bad_throwsQuotingTheText(String text, String message) {
        assertThatThrownBy(() -> S3Location.parse(text.strip()))
                .isInstanceOf(FerryConfigException.class).hasMessage(message.strip());
    }
}
