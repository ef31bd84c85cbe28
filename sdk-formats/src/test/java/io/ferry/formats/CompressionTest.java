package io.ferry.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.csv.CsvFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG), Column.of("text", ColumnType.STRING));

    @ParameterizedTest
    @EnumSource(Compression.class)
    void wrapThenUnwrap_roundTripsAFormattedFile(Compression codec) throws IOException {
        List<Record> rows = new ArrayList<>();
        RandomRows random = new RandomRows(codec.ordinal());
        for (long i = 0; i < 2000; i++) {
            rows.add(Record.of(SCHEMA, i, random.stringOrNull(null)));
        }
        byte[] plain = Written.bytes(CsvFormat.csv(), SCHEMA, rows);

        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (FormatWriter w = CsvFormat.csv().newWriter(SCHEMA, codec.wrap(compressed))) {
            for (Record r : rows) {
                w.write(r);
            }
        }
        byte[] read;
        try (InputStream in = codec.unwrap(new ByteArrayInputStream(compressed.toByteArray()))) {
            read = in.readAllBytes();
        }

        assertThat(read).isEqualTo(plain);
        if (codec != Compression.NONE) {
            assertThat(compressed.size()).isLessThan(plain.length);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "GZIP,  FerryIoException, cannot read GZIP data: Not in GZIP format",
        "ZSTD,  ZstdIOException,  Unknown frame descriptor",
        "BZIP2, FerryIoException, cannot read BZIP2 data: Stream is not in the BZip2 format",
        "XZ,    FerryIoException, cannot read XZ data: Input is not in the XZ format"
    })
    void unwrap_dataOfAnotherFormat_throws(Compression codec, String exception, String message) {
        byte[] notCompressed = "code,cnt\r\n200,4981\r\n".repeat(10).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> {
            try (InputStream in = codec.unwrap(new ByteArrayInputStream(notCompressed))) {
                in.readAllBytes();
            }
        }).satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(exception))
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"NONE,''", "GZIP,.gz", "ZSTD,.zst", "BZIP2,.bz2", "XZ,.xz"})
    void suffix_isTheUsualFileSuffix(Compression codec, String suffix) {
        assertThat(codec.suffix()).isEqualTo(suffix);
    }

    @ParameterizedTest
    @CsvSource({
        "data.csv.gz,     GZIP",
        "DATA.CSV.GZ,     GZIP",
        "data.csv.gzip,   GZIP",
        "data.jsonl.zst,  ZSTD",
        "data.jsonl.zstd, ZSTD",
        "data.tsv.bz2,    BZIP2",
        "data.tsv.bzip2,  BZIP2",
        "data.csv.xz,     XZ",
        "data.csv,        ",
        "data.gz.csv,     ",
        "archive.tgz,     "
    })
    void fromFileName_findsCodecBySuffix(String fileName, Compression expected) {
        assertThat(Compression.fromFileName(fileName)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void wrap_none_returnsTheSameStream_othersWrap(Compression codec) {
        OutputStream out = new ByteArrayOutputStream();

        assertThat(codec.wrap(out) == out).isEqualTo(codec == Compression.NONE);
    }
}
