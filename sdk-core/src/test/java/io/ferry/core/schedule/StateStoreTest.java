package io.ferry.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryDataException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    private static final String STATE = "{\"last_path\":\"path/to/sample_201505.csv.gz\",\"note\":\"caf\u00e9 \\\"q\\\"\\n\"}";

    @TempDir
    Path dir;

    @Test
    void inMemory_roundTrip() {
        StateStore store = StateStore.inMemory();
        assertThat(store.load("job")).isEmpty();
        store.save("job", STATE);
        assertThat(store.load("job")).contains(STATE);
        store.delete("job");
        assertThat(store.load("job")).isEmpty();
    }

    @Test
    void jsonFile_roundTripAcrossInstances_exactString() throws Exception {
        Path file = dir.resolve("state.json");
        StateStore first = StateStore.jsonFile(file);
        first.save("daily_import", STATE);
        first.save("other", "{}");
        first.delete("other");

        StateStore second = StateStore.jsonFile(file);

        assertThat(second.load("daily_import")).contains(STATE);
        assertThat(second.load("other")).isEmpty();
        assertThat(Files.readString(file)).contains("\"version\" : 1");
        assertThat(dir.resolve("state.json.tmp")).doesNotExist();
    }

    @Test
    void jsonFile_corrupt_throwsWithLocation() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"version\":1,\n\"states\":{\"a\":1}}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> StateStore.jsonFile(file))
                .isInstanceOf(FerryDataException.class)
                .hasMessageContaining(", line 2: the state of job \"a\" must be a string")
                .satisfies(e -> assertThat(((FerryDataException) e).line()).isEqualTo(2));
    }

    @Test
    void jsonFile_notJson_throwsWithLocation() throws Exception {
        Path file = dir.resolve("garbage.json");
        Files.writeString(file, "{\"version\":1,\n oops", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> StateStore.jsonFile(file))
                .isInstanceOf(FerryDataException.class)
                .hasMessageContaining("not a valid state file")
                .hasMessageContaining("fix or delete the file");
    }
}
