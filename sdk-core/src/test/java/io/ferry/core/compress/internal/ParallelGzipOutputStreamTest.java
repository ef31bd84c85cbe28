package io.ferry.core.compress.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelGzipOutputStreamTest {
    // the smallest block the pool takes, so a few hundred KB cross many block boundaries
    private static final int BLOCK = ParallelGzipOutputStream.DICTIONARY;
    private static DeflatePool pool;

    @BeforeAll
    static void startPool() {
        pool = new DeflatePool(3, 6, BLOCK, "test-gzip");
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 3 * BLOCK - 1, 3 * BLOCK, 3 * BLOCK + 7,
        17 * BLOCK, 17 * BLOCK + 12345})
    void roundTrip_anyLength_readsBackByteExact(int length) throws IOException {
        for (boolean text : new boolean[] {true, false}) {
            byte[] data = text ? text(length, length) : random(length, length);
            byte[] gz = compress(pool, data, new Random(length));
            assertThat(gunzip(new ByteArrayInputStream(gz))).as("%d bytes, text %s", length, text).isEqualTo(data);
        }
    }

    @Test
    void roundTrip_randomLengthsAndWrites_readsBackOverStreamWithoutAvailable() throws IOException {
        Random random = new Random(20261206);
        for (int i = 0; i < 40; i++) {
            int length = random.nextInt(6 * BLOCK);
            byte[] data = random.nextBoolean() ? text(length, i) : random(length, i);
            byte[] gz = compress(pool, data, random);
            // a network stream: available() says 0, so the JDK reader cannot peek for a next member
            assertThat(gunzip(new NoAvailableStream(new ByteArrayInputStream(gz)))).as("try %d", i).isEqualTo(data);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9})
    void everyLevel_readsBackAndStaysCloseToOneStreamGzip(int level) throws IOException {
        byte[] data = text(40 * BLOCK + 99, level);
        try (DeflatePool p = new DeflatePool(2, level, BLOCK, "test-gzip-level")) {
            byte[] gz = compress(p, data, new Random(level));
            assertThat(gunzip(new ByteArrayInputStream(gz))).isEqualTo(data);
            byte[] jdk = jdkGzip(data, level);
            // each block starts with the previous 32 KiB as dictionary: little is lost against one stream
            assertThat((double) gz.length).as("level %d: %d vs JDK %d", level, gz.length, jdk.length)
                    .isLessThanOrEqualTo(jdk.length * 1.03 + 64);
        }
    }

    @Test
    void output_isOneGzipMemberWithWholeInputCrcAndLength() throws IOException {
        byte[] data = text(5 * BLOCK + 3, 7);
        byte[] gz = compress(pool, data, new Random(7));
        assertThat(gz[0]).isEqualTo((byte) 0x1f);
        assertThat(gz[1]).isEqualTo((byte) 0x8b);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        int n = gz.length;
        long storedCrc = (gz[n - 8] & 0xffL) | (gz[n - 7] & 0xffL) << 8 | (gz[n - 6] & 0xffL) << 16
                | (gz[n - 5] & 0xffL) << 24;
        long storedLength = (gz[n - 4] & 0xffL) | (gz[n - 3] & 0xffL) << 8 | (gz[n - 2] & 0xffL) << 16
                | (gz[n - 1] & 0xffL) << 24;
        assertThat(storedCrc).isEqualTo(crc.getValue());
        assertThat(storedLength).isEqualTo(data.length);
        // the raw deflate data between header and trailer is one complete stream: nothing after it
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        inflater.setInput(gz, 10, n - 18);
        byte[] out = new byte[data.length + 1];
        try {
            int got = 0;
            while (!inflater.finished()) {
                got += inflater.inflate(out, got, out.length - got);
            }
            assertThat(got).isEqualTo(data.length);
            assertThat(inflater.getRemaining()).isZero();
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError(e);
        } finally {
            inflater.end();
        }
    }

    @Test
    void gzipCommand_decompressesTheOutput(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("gzip"), "gzip is not on the PATH");
        for (int length : new int[] {0, 1, BLOCK, 9 * BLOCK + 5}) {
            byte[] data = text(length, length);
            Path file = dir.resolve("data-" + length + ".gz");
            Files.write(file, compress(pool, data, new Random(length)));
            Process p = new ProcessBuilder("gzip", "-dc", file.toString()).redirectErrorStream(false).start();
            byte[] got = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("gzip -d: %s", err).isZero();
            assertThat(err).isEmpty();
            assertThat(got).as("%d bytes", length).isEqualTo(data);
        }
    }

    @Test
    void manyStreamsOnOnePool_interleaved_eachReadsBack() throws IOException {
        int streams = 12;
        List<ByteArrayOutputStream> sinks = new ArrayList<>();
        List<ParallelGzipOutputStream> gz = new ArrayList<>();
        List<ByteArrayOutputStream> plain = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            sinks.add(sink);
            gz.add(new ParallelGzipOutputStream(sink, pool));
            plain.add(new ByteArrayOutputStream());
        }
        Random random = new Random(12);
        for (int i = 0; i < 3000; i++) {
            int s = random.nextInt(streams);
            byte[] chunk = text(random.nextInt(400), i);
            gz.get(s).write(chunk);
            plain.get(s).write(chunk);
        }
        for (int s = 0; s < streams; s++) {
            gz.get(s).close();
            assertThat(gunzip(new ByteArrayInputStream(sinks.get(s).toByteArray()))).as("stream %d", s)
                    .isEqualTo(plain.get(s).toByteArray());
        }
    }

    @Test
    void failingTarget_writeOrCloseThrowsTheFailureAndTheStreamStaysBroken() throws IOException {
        OutputStream failing = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 20) {
                    throw new IOException("disk full");
                }
            }
        };
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(failing, pool);
        byte[] data = random(8 * BLOCK, 3);
        assertThatThrownBy(() -> {
            gz.write(data);
            gz.close();
        }).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(() -> gz.write(1)).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(gz::close).isInstanceOf(IOException.class).hasMessage("disk full");
        gz.close();
        assertThatThrownBy(() -> gz.write(1)).isInstanceOf(IOException.class);
    }

    @Test
    void closedPool_submitThrows() {
        DeflatePool p = new DeflatePool(1, 1, BLOCK, "test-gzip-closed");
        p.close();
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(new ByteArrayOutputStream(), p);
        assertThatThrownBy(() -> gz.write(random(2 * BLOCK, 1)))
                .isInstanceOf(io.ferry.core.FerryIoException.class)
                .hasMessage("the gzip threads were stopped; the export or write is over");
    }

    /** Compresses {@code data} in writes of random sizes (single bytes too). */
    static byte[] compress(DeflatePool pool, byte[] data, Random random) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream gz = new ParallelGzipOutputStream(sink, pool)) {
            int off = 0;
            while (off < data.length) {
                if (random.nextInt(20) == 0) {
                    gz.write(data[off++]);
                    continue;
                }
                int n = Math.min(data.length - off, random.nextInt(3 * BLOCK));
                gz.write(data, off, n);
                off += n;
                if (random.nextInt(10) == 0) {
                    gz.flush();
                }
            }
        }
        return sink.toByteArray();
    }

    private static byte[] jdkGzip(byte[] data, int level) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(sink) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(data);
        }
        return sink.toByteArray();
    }

    static byte[] gunzip(InputStream in) throws IOException {
        try (GZIPInputStream gz = new GZIPInputStream(in)) {
            return gz.readAllBytes();
        }
    }

    /** CSV-like lines: compressible, with repeats further apart than a block. */
    static byte[] text(int length, long seed) {
        Random random = new Random(seed);
        String[] words = {"ferry", "export", "s3://bucket/key", "2026-12-06T14:00:00Z", "GET", "/docs/import",
            "Mozilla/5.0 (X11; Linux x86_64)", "200", "404", "treasure", "data"};
        StringBuilder sb = new StringBuilder(length + 64);
        while (sb.length() < length) {
            sb.append(random.nextInt(1_000_000)).append(',').append(words[random.nextInt(words.length)]).append(',')
                    .append(Long.toHexString(random.nextLong())).append("\r\n");
        }
        byte[] all = sb.toString().getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(all, length);
    }

    static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** A stream that, like a socket's, never promises bytes through {@code available()}. */
    static final class NoAvailableStream extends FilterInputStream {
        NoAvailableStream(InputStream in) {
            super(in);
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // short reads, as a network delivers them
            return super.read(b, off, Math.min(len, 1500));
        }
    }
}
