package io.ferry.samples;

import io.ferry.core.credentials.Credentials;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.record.Record;
import io.ferry.core.sink.CollectingSink;
import io.ferry.embedded.s3.EmbeddedS3;
import io.ferry.formats.Compression;
import io.ferry.formats.guess.GuessResult;
import io.ferry.s3.imports.ImportResult;
import io.ferry.s3.imports.ImportedObject;
import io.ferry.s3.imports.S3Import;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Imports CloudFront-style gzip logs from an embedded S3Mock: guesses the parser config, shows a
 * preview table, imports the files after a start path, then uploads a new file and imports it
 * incrementally from the saved state.
 *
 * <pre>
 * mvn -B -ntp -q -pl samples -am test-compile exec:java -Dsample.main=io.ferry.samples.S3ImportSample
 * </pre>
 */
public final class S3ImportSample {
    private static final String BUCKET = "sample-bucket";
    private static final String[] LOGS = {
        "logging/E231A697YXWD39.2017-04-23-15.a103fd5a.gz", "logging/E231A697YXWD39.2017-04-23-15.b2aede4a.gz",
        "logging/E231A697YXWD39.2017-04-23-16.594fa8e6.gz", "logging/E231A697YXWD39.2017-04-23-16.d12f42f9.gz"};
    private static final String[] COMPANIES = {"AA Inc.", "BB Imc.", "CC Inc.", "DD Inc.", "EE Inc."};
    private static final String[] CUSTOMERS = {"David", "Tom", "Fernando", "Cesar", "Jake"};

    private S3ImportSample() {
    }

    /** Runs the sample. */
    public static void main(String[] args) {
        try (EmbeddedS3 s3 = EmbeddedS3.start(BUCKET);
             S3Client client = S3Client.builder().region(Region.US_EAST_1).endpointOverride(s3.endpoint())
                     .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("sample", "sample-secret"))).build()) {
            for (int i = 0; i < LOGS.length; i++) {
                upload(client, LOGS[i], i);
            }
            S3Import.Builder base = S3Import.builder()
                    .bucket(BUCKET)
                    .endpoint(s3.endpoint().toString())
                    .pathStyle(true)
                    .credentials(Credentials.basic("sample", "sample-secret"))
                    .pathPrefix("logging/")
                    .pathMatchPattern("\\.gz$")
                    .incremental(true);

            S3Import first = base.startAfter(LOGS[1]).guess().build();
            GuessResult guess = first.guess();
            System.out.println("== guess (save it, edit it, pass guess.parser() back)");
            System.out.println(guess.toJson());
            System.out.println("== preview(5)");
            System.out.print(first.preview(5).toTable());

            CollectingSink sink = new CollectingSink();
            ImportResult result = first.run(sink);
            report("first run, after " + LOGS[1], result);
            String saved = result.nextState().orElseThrow().toJson();
            System.out.println("state to store: " + saved);

            upload(client, "logging/E231A697YXWD39.2017-04-23-17.0c1d2e3f.gz", 4);
            S3Import next = S3Import.builder().bucket(BUCKET).endpoint(s3.endpoint().toString()).pathStyle(true)
                    .credentials(Credentials.basic("sample", "sample-secret")).pathPrefix("logging/")
                    .pathMatchPattern("\\.gz$").incremental(true).parser(guess.parser())
                    .state(IncrementalState.fromJson(saved)).build();
            CollectingSink sink2 = new CollectingSink();
            report("second run, from the stored state", next.run(sink2));
            Record last = sink2.records().get(sink2.records().size() - 1);
            System.out.println("last record: " + last);
        }
    }

    private static void report(String title, ImportResult r) {
        System.out.println("== " + title + ": " + r.rows() + " rows from " + r.objects().size() + " objects");
        for (ImportedObject o : r.objects()) {
            System.out.println("   " + o);
        }
        System.out.println("   next state: " + r.nextState().map(IncrementalState::toJson).orElse("-"));
    }

    private static void upload(S3Client client, String key, int hour) {
        StringBuilder csv = new StringBuilder("id,company,customer,created_at\r\n");
        for (int i = 0; i < 5; i++) {
            csv.append(11200 + hour * 1000 + i * 9031).append(',').append(COMPANIES[i]).append(',')
                    .append(CUSTOMERS[i]).append(",2015-04-0").append(1 + i / 2).append(' ')
                    .append(String.format("%02d:%02d:%02d", (hour * 3 + i) % 24, i * 7, i * 11)).append("\r\n");
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = Compression.GZIP.wrap(gz)) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(gz.toByteArray()));
    }
}
