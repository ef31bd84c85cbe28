package io.ferry.core.schedule;

import io.ferry.core.schedule.internal.InMemoryStateStore;
import io.ferry.core.schedule.internal.JsonFileStateStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps each job's state between runs: an opaque string (by convention JSON, such as an
 * incremental import's last path) keyed by job name. Implementations are thread-safe.
 *
 * <pre>{@code
 * StateStore store = StateStore.jsonFile(Path.of("ferry-state.json"));
 * CronScheduler scheduler = CronScheduler.builder().stateStore(store).build();
 * }</pre>
 */
public interface StateStore {
    /**
     * The state saved for a job, if any.
     *
     * @param jobName the job's name
     * @return the saved state, or empty if there is none
     */
    Optional<String> load(String jobName);

    /**
     * Saves a job's state, replacing the previous one.
     *
     * @param jobName not null
     * @param state   not null
     */
    void save(String jobName, String state);

    /**
     * Forgets a job's state; nothing happens when there is none.
     *
     * @param jobName the job's name
     */
    void delete(String jobName);

    /** {@return a store in memory: state lives as long as the store object} */
    static StateStore inMemory() {
        return new InMemoryStateStore();
    }

    /**
     * {@return a store in one JSON file ({@code {"version":1,"states":{"job":"state",...}}}), read when
     * created and rewritten atomically (write a temporary file, then rename) on every change}
     *
     * @param file the file; created on the first save, its directory must exist
     * @throws io.ferry.core.FerryDataException if the file exists but is not such a JSON document
     * @throws io.ferry.core.FerryIoException   if it cannot be read
     */
    static StateStore jsonFile(Path file) {
        return new JsonFileStateStore(file);
    }
}
