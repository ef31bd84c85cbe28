package io.ferry.s3.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

class WriteProbeTest {
    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "exports/{{TABLE}}/dt={{YEAR}}/{{UUID}}.csv | exports/",
        "a/b/data.csv                               | a/b/",
        "data.csv                                   | ''",
        "{{TABLE}}/x.csv                            | ''",
        "invoices/{customer_id}/dump_{4}.csv        | invoices/",
        "a/b/pre_{{UUID}}                           | a/b/",
    })
    void prefixOf_isTheFixedFolderPart(String template, String prefix) {
        assertThat(WriteProbe.prefixOf(template)).isEqualTo(prefix);
    }

    /** Which refusals read as an S3-compatibility problem rather than a permission or a missing bucket. */
    @ParameterizedTest(name = "{0} {1} ''{2}'' -> {3}")
    @CsvSource(delimiter = '|', value = {
        "400 | XAmzContentSHA256Mismatch | The provided 'x-amz-content-sha256' header does not match | true",
        "501 | NotImplemented            | A header you provided implies functionality that is not implemented | true",
        "501 | ''                        | ''                                                       | true",
        "400 | InvalidArgument           | x-amz-checksum-crc32 is not supported                    | true",
        "400 | InvalidRequest            | aws-chunked encoding with a trailer is not supported     | true",
        "400 | InvalidArgument           | Invalid canned ACL                                       | false",
        "403 | AccessDenied              | Access Denied                                            | false",
        "404 | NoSuchBucket              | The specified bucket does not exist                      | false",
        "400 | InvalidDigest             | The Content-MD5 you specified is not valid                | false",
    })
    void looksIncompatible_checksumAndNotImplementedRefusals(int status, String code, String message, boolean expected) {
        S3Exception e = (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code.isEmpty() ? null : code)
                        .errorMessage(message.isEmpty() ? null : message).build())
                .build();
        assertThat(WriteProbe.looksIncompatible(e)).isEqualTo(expected);
    }
}
