package io.ferry.s3.imports;

import static io.ferry.s3.imports.ImportFixture.compress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryException;
import io.ferry.core.FerryIoException;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.formats.Compression;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.testkit.Fault;
import io.ferry.testkit.FaultPlan;
import io.ferry.testkit.FaultProxy;
import io.ferry.testkit.ProxiedRequest;
import io.ferry.testkit.S3Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A connection that breaks in the middle of an object's body, through {@link FaultProxy} in front
 * of S3Mock: the import resumes with ranged GETs pinned to the ETag, and every row reaches the
 * sink exactly once, in order.
 */
class S3ImportResumeTest {
    private static final SharedS3Mock S3 = SharedS3Mock.get();
    private static final ImportFixture FIXTURE = new ImportFixture(S3);

    private static final ParserConfig PARSER = ParserConfig.builder().noQuote().column("id", ColumnType.LONG)
            .column("v", ColumnType.STRING).build();

    /** Printable ASCII without the comma, quotes and backslash. */
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "!#$%&()*+-./:;<=>?@[]^_{|}~";

    private static String bucket;
    /** Rows 0..n-1 of the big gzip object (over 8 MB compressed: it streams through the read-ahead thread). */
    private static Table bigGz;
    /** A plain CSV of some MB (streams when maxBufferedBytes is 1 MB). */
    private static Table plain;
    /** A small CSV (prefetched whole). */
    private static Table small;

    /** The text of a CSV, its CRC and row count, and the bytes as stored. */
    private record Table(String key, long firstId, int rows, long crc, byte[] stored) {
        long size() {
            return stored.length;
        }
    }

    @BeforeAll
    static void fill() {
        bucket = S3.newBucket("resume");
        bigGz = table("big/data.csv.gz", 0, 230_000, true);
        plain = table("plain/data.csv", 1_000_000, 60_000, false);
        small = table("small/data.csv", 2_000_000, 5_000, false);
        assertThat(bigGz.size()).isGreaterThan(8L * 1024 * 1024);
        assertThat(plain.size()).isGreaterThan(2L * 1024 * 1024);
        assertThat(small.size()).isLessThan(1024 * 1024);
    }

    /** Rows {@code id,<40 random characters>}: random enough that gzip keeps about 80% of the size. */
    private static Table table(String key, long firstId, int rows, boolean gzip) {
        Random random = new Random(firstId);
        StringBuilder text = new StringBuilder(rows * 50);
        CRC32 crc = new CRC32();
        char[] value = new char[40];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < value.length; c++) {
                value[c] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            String line = (firstId + i) + "," + new String(value);
            text.append(line).append('\n');
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = gzip ? compress(Compression.GZIP, text.toString())
                : text.toString().getBytes(StandardCharsets.UTF_8);
        FIXTURE.put(bucket, key, bytes);
        return new Table(key, firstId, rows, crc.getValue(), bytes);
    }

    /**
     * Checks each record as it arrives: ids consecutive from the table's first id, and a CRC over
     * the rows; commit/abort are recorded. Holds no rows, so millions fit.
     */
    private static final class CheckingSink implements RecordSink {
        private final List<Table> expected;
        private int table;
        private long nextId;
        private long rows;
        private CRC32 crc = new CRC32();
        final StringBuilder problems = new StringBuilder();
        boolean committed;
        boolean aborted;

        CheckingSink(Table... expected) {
            this.expected = List.of(expected);
            this.nextId = expected[0].firstId();
        }

        @Override
        public void open(Schema schema) {
            // nothing to prepare
        }

        @Override
        public void write(Record r) {
            long id = r.getLong("id");
            if (rows == expected.get(table).rows()) {
                finishTable();
                table++;
                nextId = expected.get(table).firstId();
            }
            if (id != nextId && problems.length() < 500) {
                problems.append("expected id ").append(nextId).append(" but got ").append(id).append("; ");
            }
            nextId = id + 1;
            rows++;
            crc.update((id + "," + r.getString("v")).getBytes(StandardCharsets.UTF_8));
        }

        private void finishTable() {
            Table t = expected.get(table);
            if (rows != t.rows() || crc.getValue() != t.crc()) {
                problems.append(t.key()).append(": ").append(rows).append(" rows, crc ").append(crc.getValue())
                        .append(" instead of ").append(t.rows()).append(" rows, crc ").append(t.crc()).append("; ");
            }
            rows = 0;
            crc = new CRC32();
        }

        @Override
        public void commit() {
            finishTable();
            if (table != expected.size() - 1) {
                problems.append("only ").append(table + 1).append(" of ").append(expected.size()).append(" objects; ");
            }
            committed = true;
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }

    /** RESET_RESPONSE_BODY on the GetObject calls whose number (from 1) matches; everything else passes. */
    private static FaultPlan resetGets(IntPredicate which) {
        AtomicInteger gets = new AtomicInteger();
        return r -> S3Operation.of(r) == S3Operation.GET_OBJECT && which.test(gets.incrementAndGet())
                ? Fault.RESET_RESPONSE_BODY : Fault.NONE;
    }

    private static List<ProxiedRequest> gets(FaultProxy proxy) {
        return proxy.exchanges().stream().map(FaultProxy.Exchange::request)
                .filter(r -> S3Operation.of(r) == S3Operation.GET_OBJECT).collect(Collectors.toList());
    }

    private static String eTag(Table t) {
        return S3.client().headObject(b -> b.bucket(bucket).key(t.key())).eTag();
    }

    /** The N of a {@code Range: bytes=N-} header. */
    private static long rangeStart(ProxiedRequest r) {
        String range = r.header("range");
        assertThat(range).matches("bytes=\\d+-");
        return Long.parseLong(range.substring(6, range.length() - 1));
    }

    /**
     * A plain GET, then two ranged GETs pinned to the ETag, each starting no later than the middle
     * of what the one before it asked for (the proxy forwards half of each body; the client may
     * lose part of that half to the reset).
     */
    private static void assertResumedTwice(List<ProxiedRequest> gets, Table t) {
        assertThat(gets).hasSize(3);
        assertThat(gets.get(0).header("range")).isNull();
        assertThat(gets.get(0).header("if-match")).isNull();
        long first = rangeStart(gets.get(1));
        long second = rangeStart(gets.get(2));
        assertThat(first).isBetween(0L, t.size() / 2);
        assertThat(second).isBetween(first, first + (t.size() - first) / 2);
        assertThat(gets.get(1).header("if-match")).isEqualTo(eTag(t));
        assertThat(gets.get(2).header("if-match")).isEqualTo(eTag(t));
    }

    private static S3Import.Builder through(FaultProxy proxy, Table t) {
        return FIXTURE.imports(bucket).endpoint(proxy.endpoint().toString()).pathPrefix(t.key()).parser(PARSER);
    }

    @Test
    void bigGzip_resetOnFirstAndSecondGet_resumesWithRangedGetsAndEachRowArrivesOnce() {
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint().getPort(), resetGets(n -> n <= 2))) {
            CheckingSink sink = new CheckingSink(bigGz);
            ImportResult result = through(proxy, bigGz).build().run(sink);

            assertThat(sink.problems).isEmpty();
            assertThat(sink.committed).isTrue();
            assertThat(result.objects()).extracting(ImportedObject::rows).containsExactly((long) bigGz.rows());
            assertResumedTwice(gets(proxy), bigGz);
            assertThat(proxy.faultsInjected()).isEqualTo(2);
        }
    }

    @Test
    void plainCsv_streamed_resetOnFirstAndSecondGet_resumesAndEachRowArrivesOnce() {
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint().getPort(), resetGets(n -> n <= 2))) {
            CheckingSink sink = new CheckingSink(plain);
            through(proxy, plain).maxBufferedBytes(1024 * 1024).build().run(sink);

            assertThat(sink.problems).isEmpty();
            assertThat(sink.committed).isTrue();
            assertResumedTwice(gets(proxy), plain);
        }
    }

    @Test
    void smallPrefetchedObject_resetOnFirstGet_resumesAndEachRowArrivesOnce() {
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint().getPort(), resetGets(n -> n == 1))) {
            CheckingSink sink = new CheckingSink(small);
            through(proxy, small).build().run(sink);

            assertThat(sink.problems).isEmpty();
            assertThat(sink.committed).isTrue();
            List<ProxiedRequest> gets = gets(proxy);
            assertThat(gets).hasSize(2);
            assertThat(rangeStart(gets.get(1))).isBetween(0L, small.size() / 2);
            assertThat(gets.get(1).header("if-match")).isEqualTo(eTag(small));
        }
    }

    @Test
    void resetBeforeTheFirstBodyByte_resumesFromByteZeroPinnedToTheETag() {
        FaultPlan plan = resetGets(n -> n == 1).withCutAfterBytes(0);
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint().getPort(), plan)) {
            CheckingSink sink = new CheckingSink(plain);
            through(proxy, plain).maxBufferedBytes(1024 * 1024).build().run(sink);

            assertThat(sink.problems).isEmpty();
            assertThat(gets(proxy)).extracting(r -> r.header("range") + " " + r.header("if-match"))
                    .containsExactly("null null", "bytes=0- " + eTag(plain));
        }
    }

    @Test
    void objectReplacedBetweenResetAndResume_failsNamingTheKeyAndAbortsTheSink() {
        String b = S3.newBucket("resume-replaced");
        byte[] original = plain.stored();
        FIXTURE.put(b, "x/data.csv", original);
        AtomicInteger gets = new AtomicInteger();
        FaultPlan plan = r -> {
            if (S3Operation.of(r) != S3Operation.GET_OBJECT) {
                return Fault.NONE;
            }
            int n = gets.incrementAndGet();
            if (n == 2) {
                // another writer replaces the object before the resume reaches S3
                FIXTURE.put(b, "x/data.csv", "1,replaced\n");
            }
            return n == 1 ? Fault.RESET_RESPONSE_BODY : Fault.NONE;
        };
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint().getPort(), plan)) {
            CheckingSink sink = new CheckingSink(plain);
            S3Import imp = FIXTURE.imports(b).endpoint(proxy.endpoint().toString()).pathPrefix("x/").parser(PARSER)
                    .maxBufferedBytes(1024 * 1024).incremental(true).build();

            assertThatThrownBy(() -> imp.run(sink))
                    .isInstanceOf(FerryIoException.class)
                    .hasMessageStartingWith("s3://" + b + "/x/data.csv was replaced while it was being read: its ETag"
                            + " is no longer ")
                    .hasMessageEndingWith("run the import again")
                    .satisfies(e -> assertThat(e.getMessage()).contains("(HTTP 412 on the GetObject resuming at byte "
                            + rangeStart(gets(proxy).get(1)) + ")"));
            assertThat(sink.aborted).isTrue();
            assertThat(sink.committed).isFalse();
            assertThat(gets(proxy)).hasSize(2);
        }
    }

    @Test
    void moreResetsThanAttempts_failsNamingKeyAndOffset_andTheStateDoesNotMove() {
        String b = S3.newBucket("resume-exhausted");
        FIXTURE.put(b, "d/1.csv", small.stored());
        FIXTURE.put(b, "d/2.csv", plain.stored());
        IncrementalState before = IncrementalState.afterPath("d/0.csv");
        long size = plain.size();
        FaultPlan plan = r -> S3Operation.of(r) == S3Operation.GET_OBJECT && r.path().endsWith("/d/2.csv")
                ? Fault.RESET_RESPONSE_BODY : Fault.NONE;
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint().getPort(), plan)) {
            CheckingSink sink = new CheckingSink(small, plain);
            S3Import imp = FIXTURE.imports(b).endpoint(proxy.endpoint().toString()).pathPrefix("d/").parser(PARSER)
                    .maxBufferedBytes(1024 * 1024).readAttempts(3).incremental(true).state(before).build();

            AtomicLong brokenAt = new AtomicLong(-1);
            assertThatThrownBy(() -> imp.run(sink))
                    .isInstanceOf(FerryIoException.class)
                    .satisfies(e -> brokenAt.set(Long.parseLong(e.getMessage().replaceAll(".* at byte (\\d+) of .*",
                            "$1"))))
                    .hasMessageStartingWith("cannot read s3://" + b + "/d/2.csv: the connection broke at byte ")
                    .hasMessageContaining(" of " + size + " and 3 GetObject attempt(s) did not get the rest (")
                    .hasMessageEndingWith("); run the import again, or raise readAttempts if the network is this"
                            + " unreliable")
                    .satisfies(e -> assertThat(((FerryIoException) e).retryable()).isTrue());
            assertThat(sink.aborted).isTrue();
            assertThat(sink.committed).isFalse();
            List<ProxiedRequest> gets = gets(proxy).stream().filter(r -> r.path().endsWith("/d/2.csv"))
                    .collect(Collectors.toList());
            assertThat(gets).hasSize(3);
            assertThat(brokenAt.get()).isBetween(rangeStart(gets.get(2)), size - 1);
        }
        // the caller still holds the old state: the next run, without faults, reads both objects
        CheckingSink again = new CheckingSink(small, plain);
        ImportResult r = FIXTURE.imports(b).pathPrefix("d/").parser(PARSER).incremental(true).state(before).build().run(again);
        assertThat(again.problems).isEmpty();
        assertThat(r.nextState().orElseThrow().lastPath()).contains("d/2.csv");
    }

    @Test
    void readAttempts_outsideOneToHundred_isRejected() {
        assertThatThrownBy(() -> S3Import.builder().readAttempts(0))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("readAttempts must be between 1 and 100, was 0 (readAttempts)");
        assertThatThrownBy(() -> S3Import.builder().readAttempts(101))
                .isInstanceOf(FerryException.class)
                .hasMessage("readAttempts must be between 1 and 100, was 101 (readAttempts)");
    }
}
