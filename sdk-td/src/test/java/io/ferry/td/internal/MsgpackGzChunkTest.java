package io.ferry.td.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.td.testing.MsgpackRows;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MsgpackGzChunkTest {
    @Test
    void finish_givesConcatenatedGzippedMaps_andCountsBytesBeforeCompression() throws IOException {
        MsgpackGzChunk chunk = new MsgpackGzChunk(0);
        for (long t = 1; t <= 100; t++) {
            chunk.packer().packMapHeader(2).packString("time").packLong(t).packString("v").packString("same text");
            chunk.rowWritten();
        }
        long raw = chunk.uncompressedBytes();

        byte[] body = chunk.finish();

        assertThat(chunk.rows()).isEqualTo(100);
        // per row: fixmap 1 + "time" 5 + int 1 + "v" 2 + "same text" 10 = 19 bytes
        assertThat(raw).isEqualTo(100 * 19);
        assertThat(body.length).isLessThan((int) raw);
        assertThat(MsgpackRows.decode(body)).hasSize(100).first().isEqualTo(Map.of("time", 1L, "v", "same text"));
    }

    @Test
    void onADeflatePool_manyBlocks_decodesToEveryRowInOrder() throws IOException {
        try (io.ferry.core.compress.internal.DeflatePool pool = new io.ferry.core.compress.internal.DeflatePool(2, 1,
                io.ferry.core.compress.internal.DeflatePool.DEFAULT_BLOCK_SIZE, "test-td-gzip")) {
            MsgpackGzChunk chunk = new MsgpackGzChunk(0, 1, pool);
            for (long t = 1; t <= 50_000; t++) {
                chunk.packer().packMapHeader(2).packString("time").packLong(t).packString("v")
                        .packString(Long.toHexString(t * 0x9E3779B97F4A7C15L));
                chunk.rowWritten();
            }
            assertThat(chunk.uncompressedBytes()).isGreaterThan(6L * io.ferry.core.compress.internal.DeflatePool
                    .DEFAULT_BLOCK_SIZE);

            java.util.List<Map<String, Object>> rows = MsgpackRows.decode(chunk.finish());

            assertThat(rows).hasSize(50_000);
            assertThat(rows.get(49_999)).isEqualTo(Map.of("time", 50_000L, "v",
                    Long.toHexString(50_000L * 0x9E3779B97F4A7C15L)));
        }
    }

    @Test
    void finish_twice_throws() throws IOException {
        MsgpackGzChunk chunk = new MsgpackGzChunk(0);
        chunk.finish();

        assertThatThrownBy(chunk::finish).isInstanceOf(IllegalStateException.class)
                .hasMessage("the chunk is already finished");
    }
}
