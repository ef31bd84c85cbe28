package io.ferry.formats.parquet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.formats.parquet.ParquetCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PageCodecTest {
    private final PageCodecFactory factory = new PageCodecFactory();

    @ParameterizedTest
    @EnumSource(ParquetCodec.class)
    void everyCodec_roundTripsEmptyTextAndRandomPages(ParquetCodec codec) throws IOException {
        CompressionCodecName name = PageCodec.of(codec).parquetName();
        byte[] random = new byte[300_000];
        new Random(7).nextBytes(random);
        byte[] text = "ferry ".repeat(50_000).getBytes(StandardCharsets.UTF_8);

        for (byte[] page : new byte[][] {new byte[0], text, random}) {
            BytesInputCompressor compressor = factory.getCompressor(name);
            byte[] compressed = PageCodecFactory.toArray(compressor.compress(BytesInput.from(page)));
            BytesInputDecompressor decompressor = factory.getDecompressor(name);

            assertThat(compressor.getCodecName()).isEqualTo(name);
            assertThat(PageCodecFactory.toArray(decompressor.decompress(BytesInput.from(compressed), page.length)))
                    .isEqualTo(page);
            ByteBuffer out = ByteBuffer.allocate(page.length);
            decompressor.decompress(ByteBuffer.wrap(compressed), compressed.length, out, page.length);
            assertThat(out.array()).isEqualTo(page);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ParquetCodec.class, names = "UNCOMPRESSED", mode = EnumSource.Mode.EXCLUDE)
    void everyCompressingCodec_shrinksRepetitiveText(ParquetCodec codec) throws IOException {
        byte[] text = "ferry ".repeat(50_000).getBytes(StandardCharsets.UTF_8);

        byte[] compressed = PageCodec.of(codec).compress(text);

        assertThat(compressed.length).isLessThan(text.length / 10);
    }

    @ParameterizedTest
    @EnumSource(value = ParquetCodec.class, names = {"SNAPPY", "ZSTD", "LZ4_RAW", "GZIP"})
    void decompress_wrongSize_throws(ParquetCodec codec) throws IOException {
        PageCodec pageCodec = PageCodec.of(codec);
        byte[] compressed = pageCodec.compress("abcdefgh".repeat(100).getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> pageCodec.decompress(compressed, 799))
                .isInstanceOf(IOException.class);
    }

    @Test
    void of_codecFerryDoesNotImplement_throwsNamingTheSupportedOnes() {
        assertThatThrownBy(() -> factory.getCompressor(CompressionCodecName.LZO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parquet codec LZO is not supported; "
                        + "Ferry reads and writes UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW");
    }
}
