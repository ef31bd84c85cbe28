import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ferry.core.credentials.Credentials;
import io.ferry.core.record.Record;
import io.ferry.embedded.s3.EmbeddedS3;
import io.ferry.s3.S3Connection;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's QuickStart (copied from README.md before this build) against an embedded S3. */
class QuickStartTest {
    @Test
    void roundTrip_readsBackTheRowsItExported() {
        try (EmbeddedS3 s3 = EmbeddedS3.builder().buckets("readme-bucket")
                .storeParent(Path.of("target", "embedded-s3")).start()) {
            S3Connection local = S3Connection.builder().endpoint(s3.endpoint()).pathStyle(true).region("us-east-1")
                    .credentials(Credentials.basic("readme", "readme-secret")).build();

            List<Record> back = QuickStart.roundTrip(local, "readme-bucket");

            assertEquals(5, back.size(), () -> "records read back: " + back);
            for (int i = 0; i < 5; i++) {
                assertEquals(i + 1L, back.get(i).getLong("id"), "id of record " + i);
                assertEquals("user" + (i + 1), back.get(i).getString("name"), "name of record " + i);
            }
        }
    }
}
