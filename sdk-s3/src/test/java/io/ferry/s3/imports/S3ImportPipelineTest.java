package io.ferry.s3.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.sink.CollectingSink;
import io.ferry.formats.Compression;
import io.ferry.formats.read.BadRow;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import io.ferry.s3.testing.TestStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A large gzip CSV object (streamed, so decompressed on one thread and parsed in chunks on
 * others) reads as the serial reader reads its text: same records in order, same bad rows and
 * lines; and many small objects read ahead arrive in key order.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ferry.s3.testing.TestStore#all")
class S3ImportPipelineTest extends ImportFixture {
    private static final ParserConfig PARSER = ParserConfig.builder().skipHeaderLines(1)
            .column("id", ColumnType.LONG).column("note", ColumnType.STRING).column("v", ColumnType.DOUBLE).build();
    static String bucket;
    static String text;

    S3ImportPipelineTest(TestStore store) {
        super(store);
    }

    @BeforeParameterizedClassInvocation
    static void fill(TestStore store) {
        ImportFixture s3 = new ImportFixture(store);
        bucket = s3.newBucket("pipeline");
        StringBuilder sb = new StringBuilder("id,note,v\n");
        Random r = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            String id = i == 41_234 ? "x41234" : Integer.toString(i);
            String note = r.nextInt(7) == 0 ? "\"line one\nline, \"\"two\"\"\"" : Long.toHexString(r.nextLong());
            sb.append(id).append(',').append(note).append(',').append(r.nextInt(10_000) / 100.0).append('\n');
        }
        text = sb.toString();
        // random hex compresses poorly: the object is well over the 1 MB buffer, so it streams
        s3.put(bucket, "big/data.csv.gz", compress(Compression.GZIP, text));
        for (int i = 0; i < 40; i++) {
            s3.put(bucket, String.format("small/%03d.csv", i), "id,note,v\n" + i + ",s" + i + ",1.5\n");
        }
    }

    @Test
    void run_largeGzipCsv_sameRecordsBadRowsAndLinesAsSerialReader() {
        List<String> expected = new ArrayList<>();
        ParserConfig skipping = PARSER.toBuilder().badRows(BadRowPolicy.SKIP).build();
        try (RecordReader serial = skipping.newReader("big/data.csv.gz",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            for (Record rec = serial.read(); rec != null; rec = serial.read()) {
                expected.add(rec.toString());
            }
        }
        CollectingSink sink = new CollectingSink();
        ImportResult r = imports(bucket).pathPrefix("big/").parser(skipping).maxBufferedBytes(1024 * 1024)
                .build().run(sink);
        assertThat(sink.records()).extracting(Record::toString).isEqualTo(expected);
        assertThat(expected).hasSize(99_999);
        long line = 2 + text.substring(0, text.indexOf("\nx41234,")).chars().filter(c -> c == '\n').count();
        assertThat(r.badRows()).containsExactly(BadRow.of("big/data.csv.gz", line, "id",
                "'x41234' is not a long integer"));
        assertThat(store.client().headObject(b -> b.bucket(bucket).key("big/data.csv.gz")).contentLength())
                .isGreaterThan(1024 * 1024);
    }

    @Test
    void run_largeGzipCsvBadRowFail_throwsAtThePhysicalLine() {
        long line = 2 + text.substring(0, text.indexOf("\nx41234,")).chars().filter(c -> c == '\n').count();
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> imports(bucket).pathPrefix("big/").parser(PARSER).maxBufferedBytes(1024 * 1024)
                .build().run(sink))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("big/data.csv.gz, line " + line + ", column 'id': 'x41234' is not a long"
                        + " integer");
        assertThat(sink.state()).isEqualTo(CollectingSink.State.ABORTED);
    }

    @Test
    void run_smallObjectsReadAhead_arriveInKeyOrder() {
        CollectingSink sink = new CollectingSink();
        ImportResult r = imports(bucket).pathPrefix("small/").parser(PARSER).objectsAhead(7).build().run(sink);
        assertThat(sink.records()).extracting(x -> x.getLong("id"))
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 40).boxed().toList());
        assertThat(r.objects()).extracting(ImportedObject::key).isSorted().hasSize(40);
    }

    @Test
    void objectsAhead_outOfRange_throwsNamingTheOption() {
        assertThatThrownBy(() -> S3Import.builder().objectsAhead(0))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("objectsAhead must be between 1 and 64, was 0 (objectsAhead)");
    }
}
