package io.ferry.s3.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ObjectGroups}: one line per case; objects are named a, b, c... in listing order. */
class ObjectGroupsTest {
    /** Objects a, b, c... with the given sizes ({@code x.gz} names a compressed one: "30gz"). */
    private static List<SelectedObject> objects(String sizes) {
        List<SelectedObject> out = new ArrayList<>();
        if (sizes.isBlank()) {
            return out;
        }
        String[] parts = sizes.trim().split(" +");
        for (int i = 0; i < parts.length; i++) {
            boolean gz = parts[i].endsWith("gz");
            long size = Long.parseLong(gz ? parts[i].substring(0, parts[i].length() - 2) : parts[i]);
            out.add(SelectedObject.of((char) ('a' + i) + (gz ? ".csv.gz" : ".csv"), size, "\"e" + i + "\"",
                    Instant.EPOCH));
        }
        return out;
    }

    /** Groups as "ab|c": the first letters of the keys. */
    private static String render(List<List<SelectedObject>> groups) {
        return groups.stream().map(g -> g.stream().map(o -> o.key().substring(0, 1)).collect(Collectors.joining()))
                .collect(Collectors.joining("|"));
    }

    @ParameterizedTest(name = "[{0}] target {1} open {2} -> {3}")
    @CsvSource(delimiter = ';', nullValues = "none", textBlock = """
            # sizes                 ; target ; open cost ; groups
            ''                      ; 100    ; 0         ; ''
            10                      ; 100    ; 0         ; a
            10 20 30                ; 100    ; 0         ; abc
            60 100 60 100           ; 128    ; 0         ; ac|b|d
            60 100 60 100           ; 160    ; 0         ; ad|b|c
            500 10 10               ; 100    ; 0         ; a|bc
            500gz 10 10             ; 100    ; 0         ; a|bc
            200gz 200 10            ; 100    ; 0         ; a|b|c
            10 10 10 10             ; 100    ; 20        ; abc|d
            0 0 0                   ; 1      ; 0         ; abc
            0 0 0                   ; 1      ; 1         ; a|b|c
            50 50 50 50 50          ; 100    ; 0         ; ab|cd|e
            5 90 5 90 5             ; 100    ; 0         ; acd|b|e
            """)
    void pack_table(String sizes, long target, long openCost, String expected) {
        List<SelectedObject> in = objects(sizes);
        List<List<SelectedObject>> groups = ObjectGroups.pack(in, target, openCost);

        assertThat(render(groups)).isEqualTo(expected);
        assertThat(groups.stream().flatMap(List::stream).sorted((x, y) -> x.key().compareTo(y.key())).toList())
                .isEqualTo(in);
        for (List<SelectedObject> g : groups) {
            long cost = g.stream().mapToLong(o -> o.size() + openCost).sum();
            assertThat(g.size() == 1 || cost <= target).as("group %s costs %d", render(List.of(g)), cost).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}, {1} -> {2}")
    @CsvSource(delimiter = ';', textBlock = """
            0   ; 0  ; targetBytes must be at least 1, was 0 (targetBytes)
            -5  ; 0  ; targetBytes must be at least 1, was -5 (targetBytes)
            100 ; -1 ; openCostBytes must be 0 or more, was -1 (openCostBytes)
            """)
    void pack_badSizes_throw(long target, long openCost, String message) {
        assertThatThrownBy(() -> ObjectGroups.pack(List.of(), target, openCost))
                .isInstanceOf(FerryConfigException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            key          ; NONE  ; false
            key.csv      ; NONE  ; false
            key.csv.gz   ; GZIP  ; true
            key.JSON.BZ2 ; BZIP2 ; true
            key.zst      ; ZSTD  ; true
            key.zip      ; ZIP   ; true
            key.xz       ; XZ    ; true
            """)
    void selectedObject_codecFromSuffix(String key, String codec, boolean compressed) {
        SelectedObject o = SelectedObject.of(key, 1, null, Instant.EPOCH);
        assertThat(o.codec().name()).isEqualTo(codec);
        assertThat(o.compressed()).isEqualTo(compressed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            -1 ; size must be 0 or more, was -1 for key 'k' (size)
            """)
    void selectedObject_negativeSize_throws(long size, String message) {
        assertThatThrownBy(() -> SelectedObject.of("k", size, null, Instant.EPOCH))
                .isInstanceOf(FerryConfigException.class).hasMessage(message);
    }
}
