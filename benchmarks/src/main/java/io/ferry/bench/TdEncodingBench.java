package io.ferry.bench;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.td.TdWriter;
import io.ferry.td.internal.MsgpackGzChunk;
import io.ferry.td.internal.TdRowEncoder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows per second of the Treasure Data row encoding: records to msgpack maps to gzip, cut into
 * chunks of the default size, as {@code TdWriter} does before uploading. No network.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl benchmarks -am compile exec:java
 * -Dbench.main=io.ferry.bench.TdEncodingBench -Dbench.args="2000000"} (argument: rows per run).
 */
public final class TdEncodingBench {
    private static final Schema SCHEMA = Schema.of(
            Column.of("code", ColumnType.LONG),
            Column.of("name", ColumnType.STRING),
            Column.of("price", ColumnType.DOUBLE),
            Column.of("ok", ColumnType.BOOLEAN),
            Column.of("created_at", ColumnType.TIMESTAMP),
            Column.of("attrs", ColumnType.JSON));

    private TdEncodingBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        List<Record> sample = new ArrayList<>();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            sample.add(Record.of(SCHEMA, (long) i * 7919, "customer-" + (i % 997), i * 0.25, i % 3 == 0,
                    base.plusMillis(i * 1_013L), "{\"tier\":" + (i % 5) + ",\"tags\":[\"a\",\"b\"]}"));
        }
        TdRowEncoder encoder = TdRowEncoder.of(SCHEMA, "created_at", null, base, "td:bench.bench");
        System.out.printf(Locale.ROOT, "TdEncodingBench: %,d rows per run, 6 columns + time, chunks of %d MB%n",
                rows, TdWriter.DEFAULT_CHUNK_SIZE >> 20);
        for (int run = 0; run < 4; run++) {
            long start = System.nanoTime();
            long raw = 0;
            long gz = 0;
            int chunks = 0;
            MsgpackGzChunk chunk = new MsgpackGzChunk(8 << 20);
            for (int i = 0; i < rows; i++) {
                encoder.encode(sample.get(i % sample.size()), i + 1, chunk.packer());
                chunk.rowWritten();
                if (chunk.uncompressedBytes() >= TdWriter.DEFAULT_CHUNK_SIZE) {
                    raw += chunk.uncompressedBytes();
                    gz += chunk.finish().length;
                    chunks++;
                    chunk = new MsgpackGzChunk(8 << 20);
                }
            }
            raw += chunk.uncompressedBytes();
            gz += chunk.finish().length;
            chunks++;
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %,.0f rows/s, %.1f MB/s msgpack, %d chunks, %.1f MB -> %.1f MB gzip (%.1fx)%n",
                    run == 0 ? "warm-up" : "run " + run, rows / seconds, raw / seconds / (1 << 20), chunks,
                    raw / (double) (1 << 20), gz / (double) (1 << 20), raw / (double) gz);
        }
    }
}
