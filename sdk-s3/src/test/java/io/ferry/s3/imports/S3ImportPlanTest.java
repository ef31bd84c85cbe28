package io.ferry.s3.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.filter.Filters;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.sink.CollectingSink;
import io.ferry.formats.Compression;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import io.ferry.s3.testing.SharedS3Mock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link S3Import#plan()} with {@link S3Import#read} / {@link S3Import#open} against S3Mock: the
 * groups of a plan, read apart, give the records of one {@code run}, and the plan's state is the
 * run's.
 */
class S3ImportPlanTest extends ImportFixture {
    S3ImportPlanTest() {
        super(SharedS3Mock.get());
    }

    /** 12 CSV objects (every third gzip), an archived one, and a header row in each. */
    private String bucketWithObjects(String name) {
        String b = newBucket(name);
        for (int i = 0; i < 12; i++) {
            StringBuilder csv = new StringBuilder("id,name,score\n");
            for (int row = 0; row < 5 + i; row++) {
                csv.append(i * 100 + row).append(",n").append(i).append('_').append(row).append(',')
                        .append(row * 1.5).append('\n');
            }
            if (i % 3 == 0) {
                put(b, "logs/part-" + (char) ('a' + i) + ".csv.gz", compress(Compression.GZIP, csv.toString()));
            } else {
                put(b, "logs/part-" + (char) ('a' + i) + ".csv", csv.toString());
            }
        }
        putGlacier(b, "logs/part-z.csv", "id,name,score\n1,x,1.0\n");
        put(b, "other/skip.csv", "id,name,score\n1,x,1.0\n");
        return b;
    }

    private static List<String> sorted(List<Record> records) {
        return records.stream().map(Record::toString).sorted().toList();
    }

    private static List<Record> readAll(RecordReader reader) {
        List<Record> out = new ArrayList<>();
        for (Record r = reader.read(); r != null; r = reader.read()) {
            out.add(r);
        }
        return out;
    }

    @ParameterizedTest(name = "useModifiedTime={0}")
    @ValueSource(booleans = {false, true})
    void plan_thenReadEveryGroup_equalsRunAndItsState(boolean useModifiedTime) {
        String b = bucketWithObjects("plan-run" + (useModifiedTime ? "-mt" : ""));
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        S3Import imp = imports(b).pathPrefix("logs/").skipGlacierObjects(true).incremental(true)
                .useModifiedTime(useModifiedTime).clock(later).guess()
                .filters(Filters.drop("score"), Filters.add(Column.of("src", ColumnType.STRING), "s3"))
                .build();

        CollectingSink runSink = new CollectingSink();
        ImportResult run = imp.run(runSink);
        ImportSelection sel = imp.plan();

        assertThat(sel.objects()).extracting(SelectedObject::key)
                .containsExactlyElementsOf(run.objects().stream().map(ImportedObject::key).toList());
        assertThat(sel.skippedArchived()).containsExactly("logs/part-z.csv");
        assertThat(sel.nextState().map(IncrementalState::toJson)).isEqualTo(run.nextState().map(IncrementalState::toJson));
        assertThat(sel.parser()).contains(imp.guess().parser());
        assertThat(sel.schema()).contains(runSink.schema());
        assertThat(sel.objects()).filteredOn(SelectedObject::compressed).extracting(SelectedObject::key)
                .containsExactly("logs/part-a.csv.gz", "logs/part-d.csv.gz", "logs/part-g.csv.gz", "logs/part-j.csv.gz");
        for (SelectedObject o : sel.objects()) {
            assertThat(o.eTag()).isEqualTo(client().headObject(h -> h.bucket(b).key(o.key())).eTag());
            assertThat(o.size()).isEqualTo(client().headObject(h -> h.bucket(b).key(o.key())).contentLength());
        }

        // groups of at most ~250 bytes: several groups, read apart by push and by pull
        List<List<SelectedObject>> groups = sel.groups(250, 0);
        assertThat(groups).hasSizeGreaterThan(3);
        List<Record> pushed = new ArrayList<>();
        List<Record> pulled = new ArrayList<>();
        long rows = 0;
        for (List<SelectedObject> g : groups) {
            CollectingSink sink = new CollectingSink();
            ImportResult part = imp.read(g, sel.parser().orElseThrow(), sink);
            assertThat(sink.state()).isEqualTo(CollectingSink.State.COMMITTED);
            assertThat(sink.schema()).isEqualTo(sel.schema().orElseThrow());
            assertThat(part.nextState()).isEmpty();
            assertThat(part.objects()).extracting(ImportedObject::key)
                    .containsExactlyElementsOf(g.stream().map(SelectedObject::key).toList());
            rows += part.rows();
            pushed.addAll(sink.records());
            try (RecordReader reader = imp.open(g, sel.parser().orElseThrow())) {
                assertThat(reader.schema()).isEqualTo(sel.schema().orElseThrow());
                pulled.addAll(readAll(reader));
                assertThat(reader.read()).isNull();
            }
        }
        assertThat(rows).isEqualTo(run.rows());
        assertThat(sorted(pushed)).isEqualTo(sorted(runSink.records()));
        assertThat(sorted(pulled)).isEqualTo(sorted(runSink.records()));
        assertThat(runSink.records()).hasSize(12 * 5 + 66);
    }

    @Test
    void open_wholeSelection_keepsKeyAndFileOrder() {
        String b = bucketWithObjects("plan-order");
        S3Import imp = imports(b).pathPrefix("logs/").skipGlacierObjects(true).guess().build();
        CollectingSink runSink = new CollectingSink();
        imp.run(runSink);
        ImportSelection sel = imp.plan();
        try (RecordReader reader = imp.open(sel.objects(), sel.parser().orElseThrow())) {
            assertThat(readAll(reader)).containsExactlyElementsOf(runSink.records());
            assertThat(reader.skippedRows()).isZero();
        }
    }

    @Test
    void selection_javaSerialization_roundTripsEveryPart() throws Exception {
        String b = bucketWithObjects("plan-ser");
        S3Import imp = imports(b).pathPrefix("logs/").skipGlacierObjects(true).incremental(true)
                .useModifiedTime(true).guess().filters(Filters.drop("score")).build();
        ImportSelection sel = imp.plan();

        ImportSelection copy = roundTrip(sel);

        assertThat(copy.bucket()).isEqualTo(b);
        assertThat(copy.objects()).isEqualTo(sel.objects());
        assertThat(copy.objects().get(0).codec()).isEqualTo(sel.objects().get(0).codec());
        assertThat(copy.skippedArchived()).isEqualTo(sel.skippedArchived());
        assertThat(copy.parser()).isEqualTo(sel.parser());
        assertThat(copy.schema()).isEqualTo(sel.schema());
        assertThat(copy.nextState().orElseThrow().toJson()).isEqualTo(sel.nextState().orElseThrow().toJson());
        assertThat(copy.nextState().orElseThrow().seen()).hasSize(12);
        CollectingSink sink = new CollectingSink();
        imp.read(copy.objects(), copy.parser().orElseThrow(), sink);
        assertThat(sink.records()).hasSize(12 * 5 + 66);
    }

    private static ImportSelection roundTrip(ImportSelection sel) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sel);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ImportSelection) in.readObject();
        }
    }

    @Test
    void plan_nothingSelectedWithGuess_hasNoParserAndRunsState() {
        String b = bucketWithObjects("plan-empty");
        S3Import imp = imports(b).pathPrefix("nothing/").incremental(true).guess().build();
        ImportSelection sel = imp.plan();
        assertThat(sel.objects()).isEmpty();
        assertThat(sel.groups()).isEmpty();
        assertThat(sel.parser()).isEmpty();
        assertThat(sel.schema()).isEmpty();
        assertThat(sel.nextState().orElseThrow().toJson())
                .isEqualTo(imp.run(new CollectingSink()).nextState().orElseThrow().toJson());
    }

    @Test
    void plan_withoutParserOrGuess_throwsNamingParser() {
        S3Import imp = imports(newBucket("plan-noparser")).build();
        assertThatThrownBy(imp::plan).isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("plan() needs a parser config: give parser(...) on the builder");
    }

    @Test
    void plan_nothingSelectedWithFailOnNoFiles_throws() {
        S3Import imp = imports(newBucket("plan-nofiles")).pathPrefix("x/").failOnNoFiles(true).guess().build();
        assertThatThrownBy(imp::plan).isInstanceOf(FerryDataException.class).hasMessageContaining("no object matches");
    }

    @Test
    void read_badRowOverride_appliesToTheGivenParser() {
        String b = newBucket("plan-badrows");
        put(b, "in/a.csv", "id,name\n1,x\nnot-a-number,y\n3,z\n");
        ParserConfig parser = ParserConfig.builder().skipHeaderLines(1).column("id", ColumnType.LONG)
                .column("name", ColumnType.STRING).build();
        S3Import imp = imports(b).pathPrefix("in/").parser(parser).badRows(BadRowPolicy.SKIP).build();
        ImportSelection sel = imp.plan();
        assertThat(sel.parser().orElseThrow().badRows()).isEqualTo(BadRowPolicy.SKIP);

        CollectingSink sink = new CollectingSink();
        ImportResult r = imp.read(sel.objects(), parser, sink);
        assertThat(r.skippedRows()).isEqualTo(1);
        assertThat(sink.records()).extracting(x -> x.getLong("id")).containsExactly(1L, 3L);
        try (RecordReader reader = imp.open(sel.objects(), parser)) {
            assertThat(readAll(reader)).extracting(x -> x.getLong("id")).containsExactly(1L, 3L);
            assertThat(reader.skippedRows()).isEqualTo(1);
            assertThat(reader.badRows()).extracting(x -> x.line()).containsExactly(3L);
        }
    }

    @Test
    void read_badRowUnderFail_abortsSinkAndNamesKeyAndLine() {
        String b = newBucket("plan-fail");
        put(b, "in/a.csv", "1,x\nbad,y\n");
        ParserConfig parser = ParserConfig.builder().column("id", ColumnType.LONG)
                .column("name", ColumnType.STRING).build();
        S3Import imp = imports(b).pathPrefix("in/").parser(parser).build();
        ImportSelection sel = imp.plan();
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> imp.read(sel.objects(), parser, sink)).isInstanceOf(FerryDataException.class)
                .satisfies(e -> assertThat(((FerryDataException) e).line()).isEqualTo(2))
                .hasMessageContaining("in/a.csv");
        assertThat(sink.state()).isEqualTo(CollectingSink.State.ABORTED);
        try (RecordReader reader = imp.open(sel.objects(), parser)) {
            assertThat(reader.read().getLong("id")).isEqualTo(1L);
            assertThatThrownBy(reader::read).isInstanceOf(FerryDataException.class).hasMessageContaining("in/a.csv");
        }
    }

    @Test
    void groups_defaults_keepSmallObjectsTogether() {
        List<SelectedObject> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(SelectedObject.of(String.format("k/%04d.csv", i), 2048, "\"e\"", Instant.EPOCH));
        }
        ImportSelection sel = ImportSelection.of("b", many, List.of(), null, null, null);
        List<List<SelectedObject>> groups = sel.groups();
        assertThat(groups).hasSize(8);
        assertThat(groups.stream().flatMap(List::stream).map(SelectedObject::key).collect(Collectors.toList()))
                .containsExactlyElementsOf(many.stream().map(SelectedObject::key).toList());
        assertThat(groups.get(0)).isSortedAccordingTo(Comparator.comparing(SelectedObject::key));
    }
}
