package io.ferry.core.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectSelectorTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static ListedObject obj(String key, long second) {
        return ListedObject.of(key, 10, T0.plusSeconds(second), null);
    }

    private static List<String> keys(List<ListedObject> objects) {
        return objects.stream().map(ListedObject::key).collect(Collectors.toList());
    }

    @Test
    void select_cloudFrontExample_takesExactlyTheTwo16Files() {
        List<ListedObject> listing = List.of(
                obj("logging/E231A697YXWD39.2017-04-23-16.d12f42f9.gz", 4),
                obj("logging/E231A697YXWD39.2017-04-23-15.a103fd5a.gz", 1),
                obj("logging/E231A697YXWD39.2017-04-23-16.594fa8e6.gz", 3),
                obj("logging/E231A697YXWD39.2017-04-23-15.b2aede4a.gz", 2),
                obj("logging/readme.txt", 5));
        Selection s = ObjectSelector.builder().prefix("logging/").pathMatchPattern(".gz$")
                .state(IncrementalState.afterPath("logging/E231A697YXWD39.2017-04-23-15.b2aede4a.gz"))
                .build().select(listing, T0);
        assertThat(keys(s.selected())).containsExactly(
                "logging/E231A697YXWD39.2017-04-23-16.594fa8e6.gz", "logging/E231A697YXWD39.2017-04-23-16.d12f42f9.gz");
        assertThat(s.nextState()).contains(IncrementalState.afterPath("logging/E231A697YXWD39.2017-04-23-16.d12f42f9.gz"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "/archive/;a/archive/x.csv b/x.csv archive/y.csv c/archive/z.csv.gz;a/archive/x.csv c/archive/z.csv.gz",
            "/data1/|/data2/;p/data1/a p/data2/b p/data3/c data1/d;p/data1/a p/data2/b",
            ".csv$|.csv.gz$;a.csv b.csv.gz c.csv.bz2 d.tsv e_csv;a.csv b.csv.gz e_csv",
            "\\.csv$|\\.csv\\.gz$;a.csv b.csv.gz c.csv.bz2 d.tsv e_csv;a.csv b.csv.gz"})
    void select_referenceRegexExamples_matchWithFind(String regex, String listed, String expected) {
        List<ListedObject> listing = Arrays.stream(listed.split(" ")).map(k -> obj(k, 0)).collect(Collectors.toList());
        Selection s = ObjectSelector.builder().pathMatchPattern(regex).build().select(listing, T0);
        assertThat(keys(s.selected())).containsExactly(expected.split(" "));
    }

    @Test
    void select_archivedWithSkip_reportsThem() {
        List<ListedObject> listing = List.of(obj("a", 0), ListedObject.of("b", 1, T0, "GLACIER"),
                ListedObject.of("c", 1, T0, "DEEP_ARCHIVE"), ListedObject.of("d", 1, T0, "GLACIER_IR"));
        Selection s = ObjectSelector.builder().skipArchived(true).build().select(listing, T0);
        assertThat(keys(s.selected())).containsExactly("a", "d");
        assertThat(keys(s.skippedArchived())).containsExactly("b", "c");
    }

    @Test
    void select_archivedWithoutSkip_failsNamingKey() {
        List<ListedObject> listing = List.of(obj("a", 0), ListedObject.of("logs/b.gz", 1, T0, "GLACIER"));
        assertThatThrownBy(() -> ObjectSelector.builder().build().select(listing, T0))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("logs/b.gz: the object is in the GLACIER storage class and cannot be read without a"
                        + " restore; restore it, or set skipGlacierObjects(true) to skip archived objects");
    }

    @Test
    void select_folderMarkersAndOtherPrefixes_ignored() {
        Selection s = ObjectSelector.builder().prefix("p/").build()
                .select(List.of(ListedObject.of("p/dir/", 0, T0, null), obj("p/dir/a", 0), obj("q/a", 0)), T0);
        assertThat(keys(s.selected())).containsExactly("p/dir/a");
        assertThat(s.nextState()).isEmpty();
    }

    @Test
    void select_keysInUtf8Order_likeS3() {
        Selection s = ObjectSelector.builder().build()
                .select(List.of(obj("a\uD83D\uDE00", 0), obj("a\uFFFD", 0), obj("aZ", 0)), T0);
        assertThat(keys(s.selected())).containsExactly("aZ", "a\uFFFD", "a\uD83D\uDE00");
    }

    /** state;prefix;listing starts after (empty: from the prefix) */
    @ParameterizedTest(name = "{0} under ''{1}''")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            "-;logging/;-",
            "path:;logging/;-",
            "path:;'';-",
            "path:logging/;logging/;-",
            "path:a/z;logging/;-",
            "path:logging/E231A697YXWD39.2017-04-23-15.b2aede4a.gz;logging/;"
                    + "logging/E231A697YXWD39.2017-04-23-15.b2aede4a.gz",
            "path:m/x;logging/;m/x",
            "path:k;'';k",
            "time:2026-01-01T00:00:00Z;logging/;-"})
    void listStartAfter_pathCursorAfterThePrefixOnly(String state, String prefix, String expected) {
        ObjectSelector.Builder b = ObjectSelector.builder().prefix(prefix == null ? "" : prefix);
        if (state != null) {
            b.state(state.startsWith("path:") ? IncrementalState.afterPath(state.substring(5))
                    : IncrementalState.modifiedSince(Instant.parse(state.substring(5))));
        }
        assertThat(b.build().listStartAfter()).isEqualTo(java.util.Optional.ofNullable(expected));
    }

    /** Starting the listing where {@link ObjectSelector#listStartAfter()} says selects the same as the whole listing. */
    @Test
    void listStartAfter_listingFromThereSelectsTheSame() {
        List<ListedObject> listing = new ArrayList<>();
        for (String k : List.of("a", "p", "p/", "p/1", "p/2", "p/3", "p\uD83D\uDE00", "q/1")) {
            listing.add(obj(k, 1));
        }
        for (String after : List.of("", "a", "p", "p/", "p/2", "p/9", "z")) {
            ObjectSelector selector = ObjectSelector.builder().prefix("p/").state(IncrementalState.afterPath(after))
                    .build();
            List<ListedObject> listed = listing.stream()
                    .filter(o -> selector.listStartAfter().map(k -> KeyOrder.compare(o.key(), k) > 0).orElse(true))
                    .collect(Collectors.toList());
            assertThat(keys(selector.select(listed, T0).selected())).as("after '%s'", after)
                    .isEqualTo(keys(selector.select(listing, T0).selected()));
        }
    }

    @Test
    void build_invalidRegex_throws() {
        assertThatThrownBy(() -> ObjectSelector.builder().pathMatchPattern("(.csv"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageStartingWith("'(.csv' is not a valid Java regular expression: Unclosed group")
                .hasMessageEndingWith("(pathMatchPattern)");
    }

    @Test
    void incrementalByPath_threeRuns_takesEachKeyOnceAndKeepsStateWhenNothingNew() {
        List<ListedObject> bucket = new ArrayList<>(List.of(obj("d/2026-01-01.csv", 0), obj("d/2026-01-02.csv", 1)));
        IncrementalState state = IncrementalState.afterPath("d/");
        List<String> imported = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            Selection s = ObjectSelector.builder().prefix("d/").state(state).build().select(bucket, T0);
            imported.addAll(keys(s.selected()));
            state = s.nextState().orElseThrow();
            if (run == 0) {
                bucket.add(obj("d/2026-01-03.csv", 2));
            }
        }
        assertThat(imported).containsExactly("d/2026-01-01.csv", "d/2026-01-02.csv", "d/2026-01-03.csv");
        assertThat(state).isEqualTo(IncrementalState.afterPath("d/2026-01-03.csv"));
    }

    @Test
    void incrementalByModifiedTime_sameSecondAndOutOfOrderKeys_neitherSkippedNorRepeated() {
        ObjectSelector.Builder selector = ObjectSelector.builder().settleTime(Duration.ZERO);
        List<ListedObject> bucket = new ArrayList<>(List.of(obj("z", 10), obj("m", 10)));
        IncrementalState state = IncrementalState.modifiedSince(T0);
        Selection first = selector.state(state).build().select(bucket, T0.plusSeconds(10));
        assertThat(keys(first.selected())).containsExactly("m", "z");
        state = first.nextState().orElseThrow();
        assertThat(state.modifiedCursor()).contains(T0.plusSeconds(10));
        assertThat(state.seen()).containsOnlyKeys("m", "z");
        bucket.add(obj("a", 10));
        bucket.add(obj("b", 11));
        Selection second = selector.state(state).build().select(bucket, T0.plusSeconds(12));
        assertThat(keys(second.selected())).containsExactly("a", "b");
        state = second.nextState().orElseThrow();
        Selection third = selector.state(state).build().select(bucket, T0.plusSeconds(13));
        assertThat(third.selected()).isEmpty();
        assertThat(third.nextState()).contains(state);
    }

    @Test
    void incrementalByModifiedTime_overwrittenKey_isTakenAgain() {
        IncrementalState state = IncrementalState.modifiedSince(T0, Map.of("k", T0.plusSeconds(5)));
        Selection s = ObjectSelector.builder().state(state).build()
                .select(List.of(obj("k", 5), obj("k2", 4)), T0.plusSeconds(100));
        assertThat(keys(s.selected())).containsExactly("k2");
        s = ObjectSelector.builder().state(state).build().select(List.of(obj("k", 7)), T0.plusSeconds(100));
        assertThat(keys(s.selected())).containsExactly("k");
    }

    /** Objects land with a LastModified up to 30 s before they become visible; runs happen at random times. */
    @Test
    void incrementalByModifiedTime_randomLateLandings_everyObjectExactlyOnce() {
        Random random = new Random(42);
        List<long[]> objects = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long modified = random.nextInt(3600);
            objects.add(new long[] {i, modified, modified + random.nextInt(30)});
        }
        ObjectSelector.Builder selector = ObjectSelector.builder().settleTime(Duration.ofSeconds(30));
        IncrementalState state = IncrementalState.modifiedSince(T0);
        Map<String, Integer> imported = new HashMap<>();
        for (long now = 0; now <= 3700; now += 1 + random.nextInt(120)) {
            long at = now;
            List<ListedObject> visible = objects.stream().filter(o -> o[2] <= at)
                    .map(o -> obj("k" + (o[0] * 7919 % 2000), o[1])).collect(Collectors.toList());
            Selection s = selector.state(state).build().select(visible, T0.plusSeconds(now));
            s.selected().forEach(o -> imported.merge(o.key(), 1, Integer::sum));
            state = s.nextState().orElseThrow();
        }
        Selection last = selector.state(state).build().select(objects.stream()
                .map(o -> obj("k" + (o[0] * 7919 % 2000), o[1])).collect(Collectors.toList()), T0.plusSeconds(9999));
        last.selected().forEach(o -> imported.merge(o.key(), 1, Integer::sum));
        assertThat(imported).hasSize(2000);
        assertThat(imported.values()).containsOnly(1);
    }

    @Test
    void stateJson_bothModes_roundTrip() {
        IncrementalState path = IncrementalState.afterPath("logging/a \"b\".gz");
        IncrementalState time = IncrementalState.modifiedSince(Instant.parse("2019-06-03T10:30:19.806Z"),
                Map.of("a", Instant.parse("2019-06-03T10:30:19.806Z"), "b", Instant.parse("2019-06-03T10:31:00Z"),
                        "old", Instant.parse("2019-01-01T00:00:00Z")));
        assertThat(IncrementalState.fromJson(path.toJson())).isEqualTo(path);
        assertThat(IncrementalState.fromJson(time.toJson())).isEqualTo(time);
        assertThat(time.toJson()).isEqualTo("{\"mode\":\"modified_time\",\"last_modified_time\":\"2019-06-03T10:30:19.806Z\","
                + "\"seen\":[{\"key\":\"a\",\"last_modified\":\"2019-06-03T10:30:19.806Z\"},"
                + "{\"key\":\"b\",\"last_modified\":\"2019-06-03T10:31:00Z\"}]}");
    }

    @Test
    void stateJson_missingPath_throws() {
        assertThatThrownBy(() -> IncrementalState.fromJson("{\"mode\":\"path\"}"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("an incremental state needs mode 'path' with last_path, or mode 'modified_time' with"
                        + " last_modified_time; found mode path (mode)");
    }
}
