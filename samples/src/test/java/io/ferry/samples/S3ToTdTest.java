package io.ferry.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.embedded.s3.EmbeddedS3;
import io.ferry.s3.imports.ImportResult;
import io.ferry.td.TdWriteResult;
import io.ferry.td.TdWriter;
import io.ferry.td.testing.LocalTdServer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Import from S3Mock into TdWriter with REPLACE, end to end, as the sample runs it. */
class S3ToTdTest {
    @Test
    void importFromS3IntoTd_replace_tableHoldsExactlyTheImportedRows() {
        try (EmbeddedS3 s3 = EmbeddedS3.start(S3ToTdSample.BUCKET);
             S3Client client = S3ToTdSample.client(s3);
             LocalTdServer td = LocalTdServer.start()) {
            td.createDatabase(S3ToTdSample.DATABASE);
            S3ToTdSample.upload(client, "access/2026-11-24.csv", 0);
            S3ToTdSample.upload(client, "access/2026-11-25.csv", 1);
            TdWriter writer = S3ToTdSample.writer(td);

            ImportResult first = S3ToTdSample.imports(s3).run(writer);
            List<Map<String, Object>> afterFirst = td.rows(S3ToTdSample.DATABASE, S3ToTdSample.TABLE);
            S3ToTdSample.upload(client, "access/2026-11-26.csv", 2);
            ImportResult second = S3ToTdSample.imports(s3).run(writer);
            TdWriteResult written = writer.lastResult().orElseThrow();
            List<Map<String, Object>> rows = td.rows(S3ToTdSample.DATABASE, S3ToTdSample.TABLE);

            assertThat(first.rows()).isEqualTo(10);
            assertThat(afterFirst).hasSize(10);
            assertThat(second.rows()).isEqualTo(15);
            assertThat(written.rows()).isEqualTo(15);
            assertThat(written.published()).isTrue();
            assertThat(rows).hasSize(15);
            assertThat(rows.stream().map(r -> r.get("id")).collect(Collectors.toSet())).hasSize(15);
            assertThat(td.tables(S3ToTdSample.DATABASE)).containsExactly(S3ToTdSample.TABLE);
            Map<String, Object> row = rows.stream().filter(r -> Long.valueOf(203).equals(r.get("id")))
                    .findFirst().orElseThrow();
            long expectedTime = LocalDateTime.parse("2026-11-26T13:00:00").toEpochSecond(ZoneOffset.UTC);
            assertThat(row).containsEntry("time", expectedTime).containsEntry("path", "/page/3")
                    .containsEntry("status", 200L).containsEntry("created_at", "2026-11-26 13:00:00.000");
        }
    }
}
