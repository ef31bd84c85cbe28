package io.ferry.s3.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryDataException;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.testing.TestStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Three runs with uploads between and during them, on each test store: no object twice, none missed. */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ferry.s3.testing.TestStore#all")
class S3ImportIncrementalTest extends ImportFixture {
    private static final ParserConfig PARSER = ParserConfig.builder().noQuote().column("key", ColumnType.STRING)
            .column("n", ColumnType.LONG).build();

    /** Collects the values of column "key" and runs an action at the first record (an upload during the run). */
    private static final class RecordingSink implements RecordSink {
        final List<String> keys = new ArrayList<>();
        private Runnable duringRun;

        RecordingSink(Runnable duringRun) {
            this.duringRun = duringRun;
        }

        @Override
        public void open(Schema schema) {
            // nothing to prepare
        }

        @Override
        public void write(Record record) {
            if (duringRun != null) {
                duringRun.run();
                duringRun = null;
            }
            keys.add(record.getString("key"));
        }

        @Override
        public void commit() {
            // kept in memory
        }

        @Override
        public void abort() {
            keys.clear();
        }
    }

    S3ImportIncrementalTest(TestStore store) {
        super(store);
    }

    private void upload(String bucket, String key) {
        put(bucket, key, key + ",1\n");
    }

    @Test
    void byPath_threeRunsWithUploadsBetweenAndDuring_importEachKeyOnce() {
        String b = newBucket("incr-path");
        upload(b, "d/01.csv");
        upload(b, "d/02.csv");
        List<String> all = new ArrayList<>();
        IncrementalState state = null;
        List<Runnable> during = List.of(() -> upload(b, "d/03.csv"), () -> upload(b, "d/05.csv"), () -> { });
        List<Runnable> between = List.of(() -> upload(b, "d/04.csv"), () -> { }, () -> { });
        for (int run = 0; run < 3; run++) {
            S3Import.Builder imp = imports(b).pathPrefix("d/").incremental(true).parser(PARSER);
            if (state != null) {
                imp.state(state);
            }
            RecordingSink sink = new RecordingSink(during.get(run));
            state = imp.build().run(sink).nextState().orElseThrow();
            all.addAll(sink.keys);
            between.get(run).run();
        }
        assertThat(all).containsExactly("d/01.csv", "d/02.csv", "d/03.csv", "d/04.csv", "d/05.csv");
        assertThat(state).isEqualTo(IncrementalState.afterPath("d/05.csv"));
        ImportResult empty = imports(b).pathPrefix("d/").incremental(true).parser(PARSER).state(state).build()
                .run(new RecordingSink(null));
        assertThat(empty.objects()).isEmpty();
        assertThat(empty.nextState()).contains(state);
    }

    @ParameterizedTest(name = "settle time {0} s")
    @ValueSource(ints = {0, 900})
    void byModifiedTime_threeRunsWithOutOfOrderKeys_importEachObjectOnce(int settleSeconds) {
        String b = newBucket("incr-time");
        upload(b, "t/m.csv");
        upload(b, "t/z.csv");
        List<String> all = new ArrayList<>();
        IncrementalState state = null;
        List<Runnable> during = List.of(() -> upload(b, "t/a.csv"), () -> upload(b, "t/0.csv"), () -> { });
        List<Runnable> between = List.of(() -> upload(b, "t/b.csv"), () -> upload(b, "t/zz.csv"), () -> { });
        for (int run = 0; run < 3; run++) {
            S3Import.Builder imp = imports(b).pathPrefix("t/").useModifiedTime(true).incremental(true)
                    .settleTime(Duration.ofSeconds(settleSeconds)).parser(PARSER);
            if (state != null) {
                imp.state(state);
            }
            RecordingSink sink = new RecordingSink(during.get(run));
            state = imp.build().run(sink).nextState().orElseThrow();
            all.addAll(sink.keys);
            between.get(run).run();
        }
        assertThat(all).containsExactlyInAnyOrder("t/m.csv", "t/z.csv", "t/a.csv", "t/b.csv", "t/0.csv", "t/zz.csv");
        assertThat(all).doesNotHaveDuplicates();
        assertThat(IncrementalState.fromJson(state.toJson())).isEqualTo(state);
    }

    @Test
    void failedRun_returnsNoStateAndTheNextRunRetriesFromThePreviousOne() {
        String b = newBucket("incr-fail");
        upload(b, "f/1.csv");
        IncrementalState first = imports(b).pathPrefix("f/").incremental(true).parser(PARSER).build()
                .run(new RecordingSink(null)).nextState().orElseThrow();
        upload(b, "f/2.csv");
        put(b, "f/3.csv", "f/3.csv,three\n");
        RecordingSink failing = new RecordingSink(null);
        assertThatThrownBy(() -> imports(b).pathPrefix("f/").incremental(true).parser(PARSER).state(first).build()
                .run(failing))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("f/3.csv, line 1, column 'n': 'three' is not a long integer");
        assertThat(failing.keys).isEmpty();
        upload(b, "f/3.csv");
        RecordingSink retry = new RecordingSink(null);
        ImportResult r = imports(b).pathPrefix("f/").incremental(true).parser(PARSER).state(first).build().run(retry);
        assertThat(retry.keys).containsExactly("f/2.csv", "f/3.csv");
        assertThat(r.nextState()).contains(IncrementalState.afterPath("f/3.csv"));
    }
}
