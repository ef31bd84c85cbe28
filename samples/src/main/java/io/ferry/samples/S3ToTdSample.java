package io.ferry.samples;

import io.ferry.core.credentials.Credentials;
import io.ferry.embedded.s3.EmbeddedS3;
import io.ferry.s3.imports.ImportResult;
import io.ferry.s3.imports.S3Import;
import io.ferry.td.TdWriteMode;
import io.ferry.td.TdWriteResult;
import io.ferry.td.TdWriter;
import io.ferry.td.testing.LocalTdServer;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Imports CSV files from an embedded S3Mock into a table of a local Treasure Data API server with
 * {@link TdWriteMode#REPLACE}, prints the table, then adds a file and imports again: the table
 * then holds exactly the rows of all files, once each.
 *
 * <pre>
 * mvn -B -ntp -q -pl samples -am test-compile exec:java -Dsample.main=io.ferry.samples.S3ToTdSample
 * </pre>
 */
public final class S3ToTdSample {
    static final String BUCKET = "td-sample-bucket";
    static final String DATABASE = "sample_db";
    static final String TABLE = "access_log";

    private S3ToTdSample() {
    }

    /** Runs the sample. */
    public static void main(String[] args) {
        try (EmbeddedS3 s3 = EmbeddedS3.start(BUCKET);
             S3Client client = client(s3);
             LocalTdServer td = LocalTdServer.start()) {
            td.createDatabase(DATABASE);
            upload(client, "access/2026-11-24.csv", 0);
            upload(client, "access/2026-11-25.csv", 1);
            S3Import imports = imports(s3);
            TdWriter writer = writer(td);

            ImportResult first = imports.run(writer);
            print("first import", first, writer.lastResult().orElseThrow(), td.rows(DATABASE, TABLE));

            upload(client, "access/2026-11-26.csv", 2);
            ImportResult second = imports.run(writer);
            print("second import, after a new file", second, writer.lastResult().orElseThrow(),
                    td.rows(DATABASE, TABLE));
            System.out.println("tables in " + DATABASE + ": " + td.tables(DATABASE));
        }
    }

    /** The import: every CSV under {@code access/}, parser guessed from the first file. */
    static S3Import imports(EmbeddedS3 s3) {
        return S3Import.builder()
                .bucket(BUCKET)
                .endpoint(s3.endpoint().toString())
                .pathStyle(true)
                .credentials(Credentials.basic("sample", "sample-secret"))
                .pathPrefix("access/")
                .guess()
                .build();
    }

    /** The writer: replace the table, partitioned by {@code created_at}. */
    static TdWriter writer(LocalTdServer td) {
        return TdWriter.builder()
                .endpoint(td.endpoint())
                .apiKey(LocalTdServer.MASTER_KEY)
                .database(DATABASE)
                .table(TABLE)
                .mode(TdWriteMode.REPLACE)
                .timeColumn("created_at")
                .build();
    }

    static S3Client client(EmbeddedS3 s3) {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(s3.endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("sample", "sample-secret"))).build();
    }

    /** Uploads a CSV of 5 rows for day {@code day} (0-based) of the sample. */
    static void upload(S3Client client, String key, int day) {
        StringBuilder csv = new StringBuilder("id,path,status,created_at\n");
        for (int i = 0; i < 5; i++) {
            csv.append(day * 100 + i).append(",/page/").append(i).append(',').append(i == 4 ? 404 : 200)
                    .append(",2026-11-2").append(4 + day).append(" 1").append(i).append(":00:00\n");
        }
        client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(csv.toString()));
    }

    private static void print(String title, ImportResult imported, TdWriteResult written,
                              List<Map<String, Object>> rows) {
        System.out.println("== " + title + ": " + imported.rows() + " rows from " + imported.objects().size()
                + " files");
        System.out.println("   " + written);
        System.out.println("   " + DATABASE + "." + TABLE + " now holds " + rows.size() + " rows:");
        rows.forEach(r -> System.out.println("   " + r));
    }
}
