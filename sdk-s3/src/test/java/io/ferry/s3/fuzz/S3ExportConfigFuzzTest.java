package io.ferry.s3.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.testing.Fuzz;
import io.ferry.core.testing.TestReport;
import io.ferry.s3.export.S3ExportConfig;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Property: {@code S3ExportConfig.fromTdResult} (and building the export it configures) throws
 * nothing but FerryException subtypes, in bounded time, on hostile JSON.
 */
class S3ExportConfigFuzzTest {
    static final List<byte[]> RESULTS = Fuzz.utf8(List.of(
            "{\"type\":\"s3_v2\",\"auth_method\":\"basic\",\"region\":\"us-east-2\",\"access_key_id\": \"AKIAEXAMPLE\","
                    + "\"secret_access_key\":\"topsecret\",\"bucket\":\"bucket_name\",\"path\":\"path/to/file.csv\","
                    + "\"format\":\"csv\",\"compression\":\"none\",\"header\":true,\"delimiter\":\"default\","
                    + "\"null_value\":\"default\",\"newline\":\"CRLF\",\"quote_policy\":\"NONE\"}",
            "{\"type\":\"s3_v2\",\"auth_method\":\"session\",\"access_key_id\":\"A\",\"secret_access_key\":\"s\","
                    + "\"session_token\":\"t\",\"bucket\":\"b\",\"path\":\"p/{{UUID}}.{{FORMAT}}\",\"format\":\"tsv\","
                    + "\"compression\":\"gz\",\"part_size\":10,\"sse_type\":\"sse-kms\",\"kms_key_id\":\"k\"}",
            "{\"type\":\"s3_v2\",\"auth_method\":\"basic\",\"access_key_id\":\"AKIA1\",\"secret_access_key\":\"s3cr3t\","
                    + "\"bucket\":\"bucket_name\",\"path\":\"path/to/file.csv\",\"endpoint\":\"http://127.0.0.1:9\","
                    + "\"quote\":\"'\",\"escape\":\"\\\\\",\"delimiter\":\"|\",\"null_value\":\"NULL\","
                    + "\"quote_policy\":\"ALL\",\"format\":\"jsonl\",\"sse_type\":\"sse-s3\"}"));

    @Test
    void fromTdResult_throwsOnlyFerryExceptions() {
        Fuzz.forAll(25, r -> Fuzz.mutatedText(RESULTS, r), json -> S3ExportConfig.fromTdResult(json).build());
    }

    @AfterAll
    static void report() {
        TestReport.line("S3ExportConfigFuzzTest", "checked " + Fuzz.calls() + " inputs");
        assertThat(Fuzz.calls()).as("inputs the runner handed to the code under test").isPositive();
    }
}
