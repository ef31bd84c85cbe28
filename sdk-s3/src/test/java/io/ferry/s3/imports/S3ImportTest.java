package io.ferry.s3.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.filter.Filters;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.sink.CollectingSink;
import io.ferry.formats.Compression;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.guess.GuessResult;
import io.ferry.formats.read.BadRow;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.Preview;
import io.ferry.s3.testing.TestStore;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Import behaviour on each test store (S3Mock and S3Proxy, in-process). */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ferry.s3.testing.TestStore#all")
class S3ImportTest extends ImportFixture {
    static final String EXAMPLE = "id,company,customer,created_at\r\n"
            + "11200,AA Inc.,David,2015-03-31 06:12:37\r\n"
            + "20313,BB Imc.,Tom,2015-04-01 01:00:07\r\n"
            + "32132,CC Inc.,Fernando,2015-04-01 10:33:41\r\n"
            + "40133,DD Inc.,Cesar,2015-04-02 05:12:32\r\n"
            + "93133,EE Inc.,Jake,2015-04-02 14:11:13\r\n";
    static final List<String> CLOUDFRONT = List.of(
            "logging/E231A697YXWD39.2017-04-23-15.a103fd5a.gz", "logging/E231A697YXWD39.2017-04-23-15.b2aede4a.gz",
            "logging/E231A697YXWD39.2017-04-23-16.594fa8e6.gz", "logging/E231A697YXWD39.2017-04-23-16.d12f42f9.gz");

    static String bucket;

    S3ImportTest(TestStore store) {
        super(store);
    }

    @BeforeParameterizedClassInvocation
    static void fill(TestStore store) {
        ImportFixture s3 = new ImportFixture(store);
        bucket = s3.newBucket("import");
        for (String key : CLOUDFRONT) {
            s3.put(bucket, key, compress(Compression.GZIP, EXAMPLE));
        }
        s3.put(bucket, "logging/notes.txt", "not a log");
        for (String key : List.of("a/archive/x.csv", "b/x.csv", "c/data1/y.csv.gz", "c/data2/z.csv", "c/data3/w.csv",
                "d/v.csv.bz2", "d/u_csv")) {
            s3.put(bucket, "regex/" + key, "x");
        }
    }

    private static List<String> keys(ImportResult r) {
        return r.objects().stream().map(ImportedObject::key).collect(Collectors.toList());
    }

    @Test
    void run_cloudFrontExample_importsExactlyTheTwo16Files() {
        S3Import imp = imports(bucket).pathPrefix("logging/").pathMatchPattern(".gz$")
                .startAfter("logging/E231A697YXWD39.2017-04-23-15.b2aede4a.gz").incremental(true).guess().build();
        CollectingSink sink = new CollectingSink();
        ImportResult r = imp.run(sink);
        assertThat(keys(r)).containsExactly(CLOUDFRONT.get(2), CLOUDFRONT.get(3));
        assertThat(r.rows()).isEqualTo(10);
        assertThat(sink.records()).hasSize(10);
        assertThat(sink.records().get(0).getLong("id")).isEqualTo(11200L);
        assertThat(r.objects()).allSatisfy(o -> {
            assertThat(o.rows()).isEqualTo(5);
            assertThat(o.bytes()).isEqualTo(compress(Compression.GZIP, EXAMPLE).length);
        });
        assertThat(r.nextState()).contains(IncrementalState.afterPath(CLOUDFRONT.get(3)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "/archive/;regex/a/archive/x.csv",
            "/data1/|/data2/;regex/c/data1/y.csv.gz regex/c/data2/z.csv",
            ".csv$|.csv.gz$;regex/a/archive/x.csv regex/b/x.csv regex/c/data1/y.csv.gz regex/c/data2/z.csv"
                    + " regex/c/data3/w.csv regex/d/u_csv"})
    void run_referenceRegexExamples_selectByFind(String regex, String expected) {
        S3Import imp = imports(bucket).pathPrefix("regex/").pathMatchPattern(regex).decoder(Decoder.NONE)
                .parser(ParserConfig.builder().noQuote().column("x", ColumnType.STRING).build()).build();
        ImportResult r = imp.run(new CollectingSink());
        assertThat(keys(r)).containsExactly(expected.split(" "));
    }

    @Test
    void guessAndPreview_referenceExample_giveLoadYmlAndTable() {
        S3Import imp = imports(bucket).pathPrefix("logging/").pathMatchPattern("\\.gz$").guess().build();
        GuessResult g = imp.guess();
        assertThat(g.parser().columns()).extracting(Object::toString).containsExactly(
                "id:long", "company:string", "customer:string", "created_at:timestamp");
        Preview p = imp.preview(2);
        assertThat(p.toTable()).isEqualTo(""
                + "| id    | company | customer | created_at              |\n"
                + "|-------|---------|----------|-------------------------|\n"
                + "| 11200 | AA Inc. | David    | 2015-03-31 06:12:37 UTC |\n"
                + "| 20313 | BB Imc. | Tom      | 2015-04-01 01:00:07 UTC |\n");
        S3Import edited = imp.toBuilder().parser(GuessResult.fromJson(g.toJson()).parser()).build();
        assertThat(edited.preview(1).rows()).hasSize(1);
    }

    @Test
    void run_glacierObjects_skippedOrFailNamingKey() {
        String b = newBucket("glacier");
        put(b, "g/a.csv", "x\n1\n");
        putGlacier(b, "g/b.csv", "x\n2\n");
        // S3Proxy keeps GLACIER as its archive tier and lists it as DEEP_ARCHIVE: Ferry skips both
        String archived = store.supports(TestStore.Feature.GLACIER_STORAGE_CLASS) ? "GLACIER" : "DEEP_ARCHIVE";
        assertThat(client().listObjectsV2(l -> l.bucket(b)).contents())
                .extracting(o -> o.storageClassAsString()).containsExactly("STANDARD", archived);
        ParserConfig parser = ParserConfig.builder().skipHeaderLines(1).column("x", ColumnType.LONG).build();
        ImportResult r = imports(b).pathPrefix("g/").skipGlacierObjects(true).parser(parser).build()
                .run(new CollectingSink());
        assertThat(keys(r)).containsExactly("g/a.csv");
        assertThat(r.skippedArchived()).containsExactly("g/b.csv");
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> imports(b).pathPrefix("g/").parser(parser).build().run(sink))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("g/b.csv: the object is in the " + archived + " storage class");
    }

    @Test
    void run_badRowFail_abortsSinkNamingKeyAndPhysicalLine() {
        String b = newBucket("badrows");
        put(b, "in/1.csv.gz", compress(Compression.GZIP, "id,name\n1,a\n2,b\n"));
        put(b, "in/2.csv.gz", compress(Compression.GZIP, "id,name\n3,\"two\nlines\"\nx,d\n5,e\n"));
        ParserConfig parser = ParserConfig.builder().skipHeaderLines(1)
                .column("id", ColumnType.LONG).column("name", ColumnType.STRING).build();
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> imports(b).pathPrefix("in/").incremental(true).parser(parser).build().run(sink))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("in/2.csv.gz, line 4, column 'id': 'x' is not a long integer");
        assertThat(sink.state()).isEqualTo(CollectingSink.State.ABORTED);

        CollectingSink skipping = new CollectingSink();
        ImportResult r = imports(b).pathPrefix("in/").parser(parser).badRows(BadRowPolicy.SKIP).build()
                .run(skipping);
        assertThat(skipping.records()).extracting(x -> x.getLong("id")).containsExactly(1L, 2L, 3L, 5L);
        assertThat(r.skippedRows()).isEqualTo(1);
        assertThat(r.badRows()).containsExactly(BadRow.of("in/2.csv.gz", 4, "id", "'x' is not a long integer"));
        assertThat(r.objects()).extracting(ImportedObject::skippedRows).containsExactly(0L, 1L);
    }

    @Test
    void run_nothingSelected_keepsStateOrFailsOnRequest() {
        String b = newBucket("empty");
        IncrementalState start = IncrementalState.afterPath("p/0");
        CollectingSink sink = new CollectingSink();
        ImportResult r = imports(b).pathPrefix("p/").incremental(true).state(start).guess().build().run(sink);
        assertThat(r.nextState()).contains(start);
        assertThat(sink.state()).isEqualTo(CollectingSink.State.NEW);
        assertThatThrownBy(() -> imports(b).pathPrefix("p/").failOnNoFiles(true).guess().build().run(sink))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("s3://" + b + "/p/: no object matches; check pathPrefix");
    }

    @Test
    void guessAndPreview_builtWithoutParser_guessFirst() {
        S3Import imp = imports(bucket).pathPrefix("logging/").pathMatchPattern("\\.gz$").build();
        assertThat(imp.guess().parser().columns()).extracting(Object::toString).containsExactly(
                "id:long", "company:string", "customer:string", "created_at:timestamp");
        assertThat(imp.preview(2).rows()).extracting(r -> r.getLong("id")).containsExactly(11200L, 20313L);
    }

    @Test
    void run_builtWithoutParser_namesChoices() {
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> imports(bucket).pathPrefix("logging/").build().run(sink))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("run() needs a parser config: give parser(...) on the builder (e.g. with imp.guess().parser(),"
                        + " after reviewing it), or call guess() on the builder to guess it from the first object at each"
                        + " run (parser)");
        assertThat(sink.state()).isEqualTo(CollectingSink.State.NEW);
    }

    @Test
    void run_stateGivenAfterOrBeforeStartAfter_stateWins() {
        IncrementalState afterFirst16 = IncrementalState.afterPath(CLOUDFRONT.get(2));
        S3Import.Builder b = imports(bucket).pathPrefix("logging/").pathMatchPattern("\\.gz$").incremental(true).guess();
        S3Import stateLast = b.startAfter(CLOUDFRONT.get(0)).state(afterFirst16).build();
        S3Import stateFirst = imports(bucket).pathPrefix("logging/").pathMatchPattern("\\.gz$").incremental(true)
                .guess().state(afterFirst16).startAfter(CLOUDFRONT.get(0)).build();
        assertThat(keys(stateLast.run(new CollectingSink()))).containsExactly(CLOUDFRONT.get(3));
        assertThat(keys(stateFirst.run(new CollectingSink()))).containsExactly(CLOUDFRONT.get(3));
    }

    @Test
    void run_startAfterNull_clearsTheStartPoint() {
        S3Import imp = imports(bucket).pathPrefix("logging/").pathMatchPattern("\\.gz$").guess()
                .startAfter(CLOUDFRONT.get(2)).build();
        assertThat(keys(imp.run(new CollectingSink()))).containsExactly(CLOUDFRONT.get(3));
        assertThat(keys(imp.toBuilder().startAfter(null).build().run(new CollectingSink())))
                .containsExactlyElementsOf(CLOUDFRONT);
    }

    @Test
    void build_stateWithModifiedAfterInPathMode_stateWinsAndTheIgnoredOptionIsNotChecked() {
        S3Import imp = imports(bucket).pathPrefix("logging/").pathMatchPattern("\\.gz$").guess()
                .modifiedAfter(java.time.Instant.EPOCH).state(IncrementalState.afterPath(CLOUDFRONT.get(2))).build();
        assertThat(keys(imp.run(new CollectingSink()))).containsExactly(CLOUDFRONT.get(3));
        assertThatThrownBy(() -> imp.toBuilder().state(null).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("modifiedAfter needs useModifiedTime(true) (modifiedAfter)");
    }

    @Test
    void build_pathStateWithModifiedTime_throws() {
        assertThatThrownBy(() -> imports("b").guess().useModifiedTime(true).state(IncrementalState.afterPath("k")).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the state is in PATH mode but the import selects by modified time; set useModifiedTime(false)"
                        + " or start without the state (state)");
    }

    @Test
    void run_filters_applyInOrderToRecordsAndPreview() {
        S3Import imp = imports(bucket).pathPrefix("logging/").pathMatchPattern("-16\\.d12f42f9\\.gz$").guess()
                .filters(Filters.drop("customer"), Filters.add(Column.of("source", ColumnType.STRING), "cloudfront"))
                .build();
        CollectingSink sink = new CollectingSink();
        imp.run(sink);
        assertThat(sink.schema().names()).containsExactly("id", "company", "created_at", "source");
        assertThat(sink.records().get(0).getString("source")).isEqualTo("cloudfront");
        assertThat(imp.preview(1).schema().names()).containsExactly("id", "company", "created_at", "source");
    }

    @Test
    void build_filterOnMissingColumnWithParser_throws() {
        ParserConfig parser = ParserConfig.builder().column("id", ColumnType.LONG).build();
        assertThatThrownBy(() -> imports(bucket).parser(parser).filters(Filters.drop("nope")).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("no column named 'nope' to drop; the columns are [id] (drop)");
    }
}
