package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Record;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRowsTest {
    private static final String CSV = "id,name,score\n1,ann,1.5\n2,bob,2.5\n3,cy,3.5\n4,di,4.5\n5,ed,5.5\n";

    @TempDir
    Path dir;

    @Test
    void open_csvFile_guessesTheSchemaAndReadsEveryRow() throws IOException {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, CSV);

        try (FileRows rows = FileRows.open(file.toString(), null, null, InputStreamNone.IN)) {
            assertThat(rows.schema().names()).containsExactly("id", "name", "score");
            List<Record> all = list(rows);
            assertThat(all).hasSize(5);
            assertThat(all.get(4).getLong("id")).isEqualTo(5L);
            assertThat(all.get(4).getDouble("score")).isEqualTo(5.5);
        }
    }

    @Test
    void open_gzipFile_decompressedByItsName() throws IOException {
        Path file = dir.resolve("scores.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
        }

        try (FileRows rows = FileRows.open(file.toString(), null, null, InputStreamNone.IN)) {
            assertThat(list(rows)).extracting(r -> r.getString("name")).containsExactly("ann", "bob", "cy", "di", "ed");
        }
    }

    @Test
    void open_stdinJsonLines_withAGivenParser() throws IOException {
        Path parser = dir.resolve("parser.json");
        Files.writeString(parser, "{\"type\":\"jsonl\",\"columns\":[{\"name\":\"id\",\"type\":\"long\"}]}");
        ByteArrayInputStream stdin = new ByteArrayInputStream("{\"id\":1}\n{\"id\":2}\n".getBytes(StandardCharsets.UTF_8));

        try (FileRows rows = FileRows.open("-", "jsonl", parser, stdin)) {
            assertThat(list(rows)).extracting(r -> r.getLong("id")).containsExactly(1L, 2L);
        }
    }

    @Test
    void open_fromFormatDisagreesWithTheData_throws() throws IOException {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, CSV);

        assertThatThrownBy(() -> FileRows.open(file.toString(), "jsonl", null, InputStreamNone.IN))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("--from-format is jsonl but " + file + " reads as csv; give the parser config with --parser"
                        + " FILE (ferry guess prints one) (from-format)");
    }

    @Test
    void open_missingFile_isAConfigError() {
        assertThatThrownBy(() -> FileRows.open(dir.resolve("nope.csv").toString(), null, null, InputStreamNone.IN))
                .isInstanceOf(FerryConfigException.class).hasMessageEndingWith("nope.csv does not exist (from)");
    }

    @Test
    void tableName_baseNameOrStdin() {
        assertThat(FileRows.tableName("dir/scores.csv.gz")).isEqualTo("scores");
        assertThat(FileRows.tableName("-")).isEqualTo("stdin");
    }

    private static List<Record> list(FileRows rows) {
        List<Record> all = new ArrayList<>();
        rows.forEach(all::add);
        return all;
    }

    /** No stdin for the file cases. */
    private static final class InputStreamNone {
        static final ByteArrayInputStream IN = new ByteArrayInputStream(new byte[0]);
    }
}
