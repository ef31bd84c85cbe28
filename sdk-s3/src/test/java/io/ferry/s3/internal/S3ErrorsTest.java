package io.ferry.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.FerryIoException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {
    private static S3Exception error(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @ParameterizedTest(name = "{0} {1} -> retryable={3}")
    @CsvSource(delimiter = '|', value = {
        "403 | AccessDenied  | Access Denied                   | false | AccessDenied (HTTP 403): Access Denied",
        "503 | SlowDown      | Please reduce your request rate | true  | SlowDown (HTTP 503): Please reduce your request rate",
        "400 | ExpiredToken  | The provided token has expired. | false | ExpiredToken (HTTP 400): The provided token has expired.;"
            + " the session token has expired: get new temporary credentials, or use assumeRole, which refreshes"
            + " them before they expire",
    })
    void describe_namesCodeStatusAndHint(int status, String code, String message, boolean retryable, String expected) {
        S3Exception e = error(status, code, message);
        assertThat(S3Errors.describe(e)).isEqualTo(expected);
        assertThat(S3Errors.retryable(e)).isEqualTo(retryable);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "403 | AccessDenied | Access Denied                   | false",
        "503 | SlowDown     | Please reduce your request rate | true",
    })
    void cannot_namesWhatWhereAndWhyAndKeepsTheCause(int status, String code, String message, boolean retryable) {
        S3Exception e = error(status, code, message);
        FerryIoException x = S3Errors.cannot("read", "b", "logs/a.csv", e);
        assertThat(x).hasMessage("cannot read s3://b/logs/a.csv: " + code + " (HTTP " + status + "): " + message)
                .hasCause(e);
        assertThat(x.retryable()).isEqualTo(retryable);
        FerryIoException resumed = S3Errors.cannot("resume", "b", "logs/a.csv at byte 5", "the store answered 'x'",
                null, !retryable);
        assertThat(resumed).hasMessage("cannot resume s3://b/logs/a.csv at byte 5: the store answered 'x'")
                .hasNoCause();
        assertThat(resumed.retryable()).isEqualTo(!retryable);
    }
}
