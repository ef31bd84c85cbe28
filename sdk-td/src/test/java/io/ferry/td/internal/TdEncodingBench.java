package io.ferry.td.internal;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.td.TdWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Rows per second of the Treasure Data row encoding: records to msgpack maps to gzip (level 1),
 * cut into chunks of the default size, as {@code TdWriter} does before uploading; then the same
 * rows without gzip, and with gzip level 6. No network.
 *
 * <p>It measures internals, so it lives beside them in sdk-td's test sources (the benchmarks
 * module uses public API only). Run: {@code mvn -B -ntp -q -pl sdk-td -am test-compile exec:java
 * -Dbench.main=io.ferry.td.internal.TdEncodingBench -Dbench.args="2000000"} (argument: rows per run).
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

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        // varied values from a seeded random, so that compression ratios are not flattered
        Random random = new Random(42);
        List<Record> sample = new ArrayList<>();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 100_000; i++) {
            sample.add(Record.of(SCHEMA, random.nextLong() >>> 20, "customer-" + random.nextInt(1_000_000),
                    Math.round(random.nextDouble() * 100_000) / 100.0, random.nextBoolean(),
                    base.plusMillis(i * 1_013L + random.nextInt(1000)),
                    "{\"tier\":" + random.nextInt(5) + ",\"score\":" + random.nextInt(10_000) + "}"));
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
        // the same rows packed without gzip, to split the cost between msgpack and deflate
        long start = System.nanoTime();
        MessagePacker packer = MessagePack.newDefaultPacker(OutputStream.nullOutputStream());
        for (int i = 0; i < rows; i++) {
            encoder.encode(sample.get(i % sample.size()), i + 1, packer);
        }
        packer.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "msgpack only (no gzip): %,.0f rows/s, %.1f MB/s%n", rows / seconds,
                packer.getTotalWrittenBytes() / seconds / (1 << 20));
        // and with deflate's default level 6, for comparison with the level 1 that TdWriter uses
        start = System.nanoTime();
        ByteArrayOutputStream fast = new ByteArrayOutputStream(64 << 20);
        try (MessagePacker p = MessagePack.newDefaultPacker(new GZIPOutputStream(fast, 64 * 1024) {
            {
                def.setLevel(Deflater.DEFAULT_COMPRESSION);
            }
        })) {
            for (int i = 0; i < rows; i++) {
                encoder.encode(sample.get(i % sample.size()), i + 1, p);
            }
            p.flush();
            seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "gzip level 6 instead of 1: %,.0f rows/s, %.1f MB -> %.1f MB (%.1fx)%n",
                    rows / seconds, p.getTotalWrittenBytes() / (double) (1 << 20), fast.size() / (double) (1 << 20),
                    p.getTotalWrittenBytes() / (double) fast.size());
        }
    }
}
