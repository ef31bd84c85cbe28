package io.ferry.core.schedule.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import io.ferry.core.schedule.StateStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link StateStore} in one JSON file, written with jackson-core's streaming API. The file is
 * read once when the store is created and rewritten atomically on every change. Thread-safe
 * within one JVM; two processes must not share a file.
 */
public final class JsonFileStateStore implements StateStore {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final Map<String, String> states;

    /** Opens the store, reading the file if it exists. */
    public JsonFileStateStore(Path file) {
        this.file = FerryConfigException.requireNonNull(file, "file").toAbsolutePath();
        this.states = Files.exists(this.file) ? read(this.file) : new TreeMap<>();
    }

    @Override
    public synchronized Optional<String> load(String jobName) {
        return Optional.ofNullable(states.get(FerryConfigException.requireNonNull(jobName, "jobName")));
    }

    @Override
    public synchronized void save(String jobName, String state) {
        states.put(FerryConfigException.requireNonNull(jobName, "jobName"), FerryConfigException.requireNonNull(state, "state"));
        write();
    }

    @Override
    public synchronized void delete(String jobName) {
        if (states.remove(FerryConfigException.requireNonNull(jobName, "jobName")) != null) {
            write();
        }
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> states = new TreeMap<>();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            expect(p, p.nextToken() == JsonToken.START_OBJECT, "expected a JSON object", file);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("states")) {
                    expect(p, value == JsonToken.START_OBJECT, "\"states\" must be an object", file);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String job = p.currentName();
                        expect(p, p.nextToken() == JsonToken.VALUE_STRING,
                                "the state of job \"" + job + "\" must be a string", file);
                        states.put(job, p.getText());
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            throw new FerryDataException(file.toString(), at.getLineNr(), null,
                    "not a valid state file: " + e.getOriginalMessage() + " (column " + at.getColumnNr()
                            + "); fix or delete the file", e);
        } catch (IOException e) {
            throw new FerryIoException("cannot read state file " + file, e);
        }
        return states;
    }

    private static void expect(JsonParser p, boolean ok, String reason, Path file) {
        if (!ok) {
            JsonLocation at = p.currentLocation();
            throw new FerryDataException(file.toString(), at.getLineNr(), null,
                    reason + " (column " + at.getColumnNr() + "); expected {\"version\":1,\"states\":{\"job\":\"state\"}}");
        }
    }

    private void write() {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp);
                    JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
                g.writeStartObject();
                g.writeNumberField("version", 1);
                g.writeObjectFieldStart("states");
                for (Map.Entry<String, String> e : states.entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new FerryIoException("cannot write state file " + file, e);
        }
    }
}
