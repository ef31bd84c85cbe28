package io.ferry.formats.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.formats.Compression;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.json.JsonLinesFormat;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import io.ferry.formats.read.RecordReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatSinkTest {
    private static final ParserConfig CONFIG = ParserConfig.builder().skipHeaderLines(1)
            .column("id", ColumnType.LONG).column("name", ColumnType.STRING).build();

    private static List<Record> records() {
        List<Record> out = new ArrayList<>();
        try (RecordReader r = CONFIG.newReader("in.csv", new java.io.ByteArrayInputStream(
                "id,name\n1,\"a, b\"\n2,\n".getBytes(StandardCharsets.UTF_8)))) {
            for (Record rec = r.read(); rec != null; rec = r.read()) {
                out.add(rec);
            }
        }
        return out;
    }

    @Test
    void commit_toStream_writesTheFormat() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FormatSink sink = FormatSink.toStream(JsonLinesFormat.defaults(), Compression.NONE, out);
        sink.open(CONFIG.schema());
        records().forEach(sink::write);
        sink.commit();
        assertThat(sink.rowCount()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"id\": 1, \"name\": \"a, b\"}\r\n{\"id\": 2, \"name\": null}\r\n");
    }

    @Test
    void commit_toFile_publishesCompressedFileThatReadsBack(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.csv.gz");
        FormatSink sink = FormatSink.toFile(CsvFormat.csv(), Compression.GZIP, target);
        sink.open(CONFIG.schema());
        records().forEach(sink::write);
        assertThat(target).doesNotExist();
        sink.commit();
        List<Record> back = new ArrayList<>();
        try (InputStream in = Compression.GZIP.unwrap(Files.newInputStream(target));
             RecordReader r = CONFIG.toBuilder().type(ParserType.CSV).build().newReader("out.csv.gz", in)) {
            for (Record rec = r.read(); rec != null; rec = r.read()) {
                back.add(rec);
            }
        }
        assertThat(back).isEqualTo(records());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void abort_toFile_leavesNothing(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.csv");
        FormatSink sink = FormatSink.toFile(CsvFormat.csv(), Compression.NONE, target);
        sink.open(CONFIG.schema());
        records().forEach(sink::write);
        sink.abort();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
