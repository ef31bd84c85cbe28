package io.ferry.formats.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.formats.Compression;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 13 item 8: whatever a codec library throws on corrupt data reaches the caller as a FerryDataException. */
class CorruptCodecDataTest {
    private static final String CSV = "id,name\n" + "1,alpha\n2,beta\n".repeat(2000);
    private static final ParserConfig PARSER = ParserConfig.builder().skipHeaderLines(1)
            .column("id", ColumnType.LONG).column("name", ColumnType.STRING).build();

    /** Reads every part with the CSV reader, as an import does. */
    static long readAll(String name, byte[] raw) {
        long rows = 0;
        try (DecodedInput in = DecodedInput.open(Decoder.AUTO, name, new ByteArrayInputStream(raw))) {
            while (in.nextPart()) {
                try (RecordReader r = PARSER.newReader(in.partName(), in.part())) {
                    for (Record rec = r.read(); rec != null; rec = r.read()) {
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    static byte[] zipStored(String entry, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry e = new ZipEntry(entry);
            e.setMethod(ZipEntry.STORED);
            e.setSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(data);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void read_zipEntryWithUnknownMethod0x5d_failsNamingTheEntry() throws IOException {
        byte[] zip = zipStored("rows.csv", CSV.getBytes(StandardCharsets.UTF_8));
        zip[8] = 0x5d; // the local header's compression method
        zip[9] = 0;
        assertThatThrownBy(() -> readAll("in/k.zip", zip))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("in/k.zip!rows.csv: cannot decode the ZIP data, it is corrupt or not ZIP (")
                .hasMessageEndingWith("); check the file, or set the decoder if it is detected wrongly")
                .extracting(e -> ((FerryDataException) e).source()).isEqualTo("in/k.zip!rows.csv");
    }

    /** Each codec's data with the header byte after the magic number inverted, or cut short; the source is the key. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GZIP, 2", "GZIP, cut", "BZIP2, 3", "BZIP2, cut", "ZSTD, 4", "ZSTD, cut", "XZ, 7", "XZ, cut"})
    void read_corruptCompressedData_failsAsDataNamingTheKey(Compression codec, String damage) throws IOException {
        byte[] good = DecodedInputTest.compress(codec, CSV);
        byte[] bad = damage.equals("cut") ? Arrays.copyOf(good, good.length / 2) : good.clone();
        if (!damage.equals("cut")) {
            bad[Integer.parseInt(damage)] ^= (byte) 0xff;
        }
        String key = "in/data.csv" + codec.suffix();
        assertThatThrownBy(() -> readAll(key, bad))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith(key + ": cannot decode the " + codec + " data, it is corrupt or not " + codec);
    }

    @Test
    void read_rawStreamFailsUnderTheCodec_staysAnIoFailure() throws IOException {
        byte[] good = DecodedInputTest.compress(Compression.GZIP, CSV);
        InputStream breaking = new ByteArrayInputStream(good, 0, good.length / 2) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new java.io.UncheckedIOException(new IOException("Connection reset"));
                }
                return n;
            }
        };
        assertThatThrownBy(() -> {
            try (DecodedInput in = DecodedInput.open(Decoder.AUTO, "in/a.csv.gz", breaking)) {
                in.nextPart();
                in.part().readAllBytes();
            }
        }).isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("Connection reset");
    }

    @Test
    void read_rawIoExceptionUnderTheCodec_isNotCalledCorrupt() throws IOException {
        byte[] good = DecodedInputTest.compress(Compression.GZIP, CSV);
        InputStream breaking = new ByteArrayInputStream(good, 0, good.length / 2) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new IllegalStateException("stand-in for an I/O failure below");
                }
                return n;
            }
        };
        assertThatThrownBy(() -> {
            try (DecodedInput in = DecodedInput.open(Decoder.AUTO, "in/a.csv.gz", breaking)) {
                in.nextPart();
                try (RecordReader r = PARSER.newReader(in.partName(), in.part())) {
                    while (r.read() != null) {
                        // read until the stream breaks
                    }
                }
            }
        }).isNotInstanceOf(FerryDataException.class).hasMessageContaining("stand-in");
        assertThat(readAll("in/a.csv.gz", good)).isEqualTo(4000);
    }
}
