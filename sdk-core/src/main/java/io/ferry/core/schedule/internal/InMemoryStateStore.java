package io.ferry.core.schedule.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.schedule.StateStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link StateStore} in a concurrent map. Thread-safe. */
public final class InMemoryStateStore implements StateStore {
    private final ConcurrentMap<String, String> states = new ConcurrentHashMap<>();

    @Override
    public Optional<String> load(String jobName) {
        return Optional.ofNullable(states.get(FerryConfigException.requireNonNull(jobName, "jobName")));
    }

    @Override
    public void save(String jobName, String state) {
        states.put(FerryConfigException.requireNonNull(jobName, "jobName"), FerryConfigException.requireNonNull(state, "state"));
    }

    @Override
    public void delete(String jobName) {
        states.remove(FerryConfigException.requireNonNull(jobName, "jobName"));
    }
}
