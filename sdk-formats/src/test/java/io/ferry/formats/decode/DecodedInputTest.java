package io.ferry.formats.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryDataException;
import io.ferry.formats.Compression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecodedInputTest {
    static byte[] compress(Compression c, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.wrap(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static List<String> parts(Decoder decoder, String name, byte[] raw) throws IOException {
        List<String> parts = new ArrayList<>();
        try (DecodedInput in = DecodedInput.open(decoder, name, new ByteArrayInputStream(raw))) {
            while (in.nextPart()) {
                parts.add(in.partName() + "=" + new String(in.part().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "NONE, data.csv, NONE", "GZIP, data.csv.gz, GZIP", "BZIP2, data.csv.bz2, BZIP2",
            "ZSTD, data.csv.zst, ZSTD", "XZ, data.csv.xz, XZ", "GZIP, no-suffix, GZIP"})
    void open_auto_detectsByMagicBytes(Compression codec, String name, Decoder expected) throws IOException {
        byte[] raw = compress(codec, "a,b\n1,2\n");
        try (DecodedInput in = DecodedInput.open(Decoder.AUTO, name, new ByteArrayInputStream(raw))) {
            assertThat(in.decoder()).isEqualTo(expected);
        }
        assertThat(parts(Decoder.AUTO, name, raw)).containsExactly(name + "=a,b\n1,2\n");
    }

    @Test
    void open_concatenatedGzipMembers_readsAll() throws IOException {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(compress(Compression.GZIP, "first\n"));
        both.write(compress(Compression.GZIP, "second\n"));
        assertThat(parts(Decoder.AUTO, "x.gz", both.toByteArray())).containsExactly("x.gz=first\nsecond\n");
    }

    @Test
    void open_zip_readsEveryEntryInOrder() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("b.csv", "dir/", "a.csv")) {
                zip.putNextEntry(new ZipEntry(name));
                if (!name.endsWith("/")) {
                    zip.write(("rows of " + name).getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        assertThat(parts(Decoder.AUTO, "k.zip", bytes.toByteArray()))
                .containsExactly("k.zip!b.csv=rows of b.csv", "k.zip!a.csv=rows of a.csv");
    }

    @Test
    void open_suffixWithoutMagic_failsSuggestingNone() {
        byte[] raw = "plain,text\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DecodedInput.open(Decoder.AUTO, "logs/a.gz", new ByteArrayInputStream(raw)))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("logs/a.gz: the name ends like GZIP data but the bytes do not start with its magic number;"
                        + " if the file is plain text set decoder(NONE)");
    }

    @Test
    void open_emptyFile_hasOneEmptyPart() throws IOException {
        assertThat(parts(Decoder.AUTO, "e.csv.gz", new byte[0])).containsExactly("e.csv.gz=");
    }
}
