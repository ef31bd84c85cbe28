package io.ferry.bench;

import io.ferry.core.FerryDataException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.formats.decode.DecodedInput;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import io.ferry.formats.read.RecordReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Bounded memory on hostile input: each case writes a compressed file holding one huge record
 * (1 GiB of text inside about 1 MB of gzip or zip) followed by one normal record, then reads it
 * with the default {@code maxRecordSize} in a child JVM with {@code -Xmx256m} under SKIP and
 * FAIL, printing what was read and the peak heap (the sum of the heap pools' peaks). The
 * {@code near-*} cases hold a record just under the default limit, which the reader must keep.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl benchmarks -am test-compile exec:java
 * -Dbench.main=io.ferry.bench.HugeRecordBench} ({@code -Dbench.args="--mb 256"} for a smaller
 * huge record).
 */
public final class HugeRecordBench {
    private static final List<String> CASES = List.of("csv-line", "csv-quoted", "tsv-zip", "jsonl", "json",
            "near-csv-ascii", "near-csv-kana", "near-jsonl-ascii");

    private HugeRecordBench() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("--child")) {
            child(args[1], Path.of(args[2]), BadRowPolicy.valueOf(args[3]));
            return;
        }
        long mb = 1024;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--mb")) {
                mb = Long.parseLong(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i] + "; use --mb N");
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "huge-record"));
        System.out.printf(Locale.ROOT, "huge record: %d MiB; default maxRecordSize %d characters; child JVMs -Xmx256m%n",
                mb, ParserConfig.DEFAULT_MAX_RECORD_SIZE);
        for (String c : CASES) {
            Path file = write(dir, c, mb << 20);
            System.out.printf(Locale.ROOT, "%-17s %s: %.2f MB compressed%n", c, file.getFileName(),
                    Files.size(file) / 1e6);
            for (BadRowPolicy policy : BadRowPolicy.values()) {
                childJvm(c, file, policy);
            }
            Files.delete(file);
        }
    }

    private static ParserConfig config(String c, BadRowPolicy policy) {
        ParserType type = c.startsWith("tsv") ? ParserType.TSV : c.contains("jsonl") ? ParserType.JSONL
                : c.equals("json") ? ParserType.JSON : ParserType.CSV;
        return ParserConfig.builder().type(type).badRows(policy)
                .column("a", ColumnType.LONG).column("b", ColumnType.STRING).build();
    }

    /** Writes the case's file: the huge (or near-limit) record, then one normal record. */
    private static Path write(Path dir, String c, long hugeBytes) throws IOException {
        boolean zip = c.contains("zip");
        Path file = dir.resolve(c + (zip ? ".zip" : ".gz"));
        int near = ParserConfig.DEFAULT_MAX_RECORD_SIZE - 1024;
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            OutputStream out;
            if (zip) {
                ZipOutputStream z = new ZipOutputStream(raw);
                z.setLevel(Deflater.BEST_COMPRESSION);
                z.putNextEntry(new ZipEntry("huge.tsv"));
                out = z;
            } else {
                out = new GZIPOutputStream(raw, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_COMPRESSION);
                    }
                };
            }
            switch (c) {
                case "csv-line" -> { text(out, "1,"); repeat(out, 'x', hugeBytes, 0); text(out, "\n2,ok\n"); }
                case "csv-quoted" -> { text(out, "1,\""); repeat(out, 'x', hugeBytes, 100); text(out, "\"\n2,ok\n"); }
                case "tsv-zip" -> { text(out, "1\t"); repeat(out, 'x', hugeBytes, 0); text(out, "\n2\tok\n"); }
                case "jsonl" -> { text(out, "{\"a\":1,\"b\":\""); repeat(out, 'x', hugeBytes, 0);
                    text(out, "\"}\n{\"a\":2,\"b\":\"ok\"}\n"); }
                case "json" -> { text(out, "[{\"a\":1,\"b\":\""); repeat(out, 'x', hugeBytes, 0);
                    text(out, "\"},\n{\"a\":2,\"b\":\"ok\"}]\n"); }
                case "near-csv-ascii" -> { text(out, "1,"); repeat(out, 'x', near, 0); text(out, "\n2,ok\n"); }
                case "near-csv-kana" -> { text(out, "1,"); repeatText(out, "\u3042", near); text(out, "\n2,ok\n"); }
                case "near-jsonl-ascii" -> { text(out, "{\"a\":1,\"b\":\""); repeat(out, 'x', near - 20, 0);
                    text(out, "\"}\n{\"a\":2,\"b\":\"ok\"}\n"); }
                default -> throw new IllegalArgumentException(c);
            }
            out.close();
        }
        return file;
    }

    private static void text(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code count} bytes of {@code b}, with a line break every {@code lineLength} bytes when above 0. */
    private static void repeat(OutputStream out, char b, long count, int lineLength) throws IOException {
        byte[] chunk = new byte[1 << 16];
        Arrays.fill(chunk, (byte) b);
        if (lineLength > 0) {
            for (int i = lineLength; i < chunk.length; i += lineLength + 1) {
                chunk[i] = '\n';
            }
        }
        for (long left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }

    private static void repeatText(OutputStream out, String s, long characters) throws IOException {
        byte[] one = s.getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[one.length * 4096];
        for (int i = 0; i < 4096; i++) {
            System.arraycopy(one, 0, chunk, i * one.length, one.length);
        }
        for (long left = characters; left > 0; left -= 4096) {
            out.write(chunk, 0, (int) Math.min(4096, left) * one.length);
        }
    }

    private static void child(String c, Path file, BadRowPolicy policy) throws IOException {
        long t = System.nanoTime();
        long rows = 0;
        long skipped = 0;
        long longest = 0;
        String outcome = "ok";
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DecodedInput in = DecodedInput.open(Decoder.AUTO, file.getFileName().toString(), raw)) {
            while (in.nextPart()) {
                try (RecordReader r = config(c, policy).newReader(in.partName(), in.part())) {
                    for (Record rec = r.read(); rec != null; rec = r.read()) {
                        rows++;
                        Object b = rec.get("b");
                        longest = Math.max(longest, b == null ? 0 : b.toString().length());
                    }
                    skipped += r.skippedRows();
                }
            }
        } catch (FerryDataException e) {
            String m = e.getMessage();
            outcome = "FerryDataException: " + (m.length() > 150 ? m.substring(0, 150) + "..." : m);
        }
        long peak = ChildJvm.peakHeap()[0];
        System.out.printf(Locale.ROOT, "  %-4s %6.1f s  rows %d (longest value %d chars), skipped %d, peak heap %.1f MB;"
                        + " %s%n", policy, (System.nanoTime() - t) / 1e9, rows, longest, skipped, peak / 1048576.0,
                outcome);
    }

    private static void childJvm(String c, Path file, BadRowPolicy policy) throws IOException, InterruptedException {
        int exit = ChildJvm.exitCode(HugeRecordBench.class, List.of("-Xmx256m"),
                List.of("--child", c, file.toString(), policy.name()));
        if (exit != 0) {
            System.out.printf(Locale.ROOT, "  %-4s FAILED: the -Xmx256m run exited with %d%n", policy, exit);
        }
    }
}
