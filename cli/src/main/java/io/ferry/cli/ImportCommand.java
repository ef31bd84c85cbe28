package io.ferry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.s3.imports.ImportListener;
import io.ferry.s3.imports.ImportProgress;
import io.ferry.s3.imports.ImportResult;
import io.ferry.s3.imports.S3Import;
import io.ferry.td.TdWriteResult;
import io.ferry.td.TdWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry import --config load.json --to TARGET}: S3 objects into a file, stdout or a TD table. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import the objects an S3 import config selects into a local file, stdout or a Treasure Data"
            + " table.", "The config is a load.yml written as JSON: in (bucket, path_prefix, path_match_pattern,"
            + " endpoint, region, incremental, last_path, ...), parser (as ferry guess prints it) and filters."})
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The import config (load.json).")
    Path config;

    @Option(names = "--to", paramLabel = "TARGET", defaultValue = "-", description = "A file (out.csv, out.jsonl.gz,"
            + " out.parquet), - for stdout (default), or td://@/DB/TABLE[?mode=append|replace|replace_on_new_data]"
            + " with the key in TD_API_KEY.")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv, tsv, jsonl or parquet; default: from the"
            + " file name, jsonl on stdout.")
    String format;

    @Option(names = "--state", paramLabel = "FILE", description = "Incremental runs: read the state of the last"
            + " run from FILE (if it exists), import only newer objects, and write the new state after success.")
    Path state;

    @Option(names = "--td-endpoint", paramLabel = "URL", description = "The Treasure Data API endpoint, e.g."
            + " api.treasuredata.co.jp; default: the URI's host, else the US endpoint.")
    String tdEndpoint;

    @Option(names = "--time-column", paramLabel = "COLUMN", description = "Treasure Data: the LONG or TIMESTAMP"
            + " column copied into time (without one, rows get the upload time).")
    String timeColumn;

    @Option(names = "--create-database", description = "Treasure Data: create the database if it is missing.")
    boolean createDatabase;

    @Mixin
    S3Options s3;

    @Mixin
    CommonOptions common;

    private final Io io;

    ImportCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        S3Import.Builder b = s3.applyTo(ImportConfig.parse(read(config, "config")));
        if (state != null) {
            b.incremental(true);
            if (Files.exists(state)) {
                b.state(IncrementalState.fromJson(read(state, "state")));
            }
        }
        boolean td = to.regionMatches(true, 0, "td://", 0, 5);
        TdWriter tdWriter = td ? Destinations.td(to, io.env().get(TdWriter.API_KEY_ENV), tdEndpoint, timeColumn,
                createDatabase) : null;
        RecordSink sink = td ? tdWriter : Destinations.file(to, format, io);
        ImportResult result;
        try (Progress progress = new Progress(io.err(), Progress.style(common, io), System::nanoTime)) {
            // objects and bytes from the import's own progress events, rows as they pass
            S3Import imp = b.listener(new ImportListener() {
                @Override
                public void progress(ImportProgress p) {
                    progress.update(p.objects(), p.rows(), p.bytes());
                }
            }).build();
            result = imp.run(new CountingSink(sink, progress));
        }
        if (state != null) {
            result.nextState().ifPresent(s -> writeAtomically(state, s.toJson()));
        }
        report(result, tdWriter == null ? null : tdWriter.lastResult().orElse(null));
        return ExitCodes.OK;
    }

    private void report(ImportResult r, TdWriteResult td) {
        if (common.quiet && !common.json) {
            return;
        }
        // stdout carries the rows with --to -: the summary goes to stderr then
        java.io.PrintStream where = to.equals("-") ? io.err() : io.out();
        if (common.json) {
            ObjectNode o = Json.object();
            o.put("command", "import");
            o.put("objects", r.objects().size());
            o.put("rows", r.rows());
            o.put("bytes", r.bytes());
            o.put("skipped_rows", r.skippedRows());
            o.put("duration_ms", r.duration().toMillis());
            o.put("to", td != null ? "td://@/" + td.database() + "/" + td.table() : to);
            if (td != null) {
                o.put("td_rows", td.rows());
                o.put("td_mode", td.mode().name().toLowerCase(Locale.ROOT));
            }
            if (state != null) {
                o.put("state", state.toString());
            }
            o.putArray("keys").addAll(r.objects().stream()
                    .map(x -> (com.fasterxml.jackson.databind.JsonNode) Json.MAPPER.getNodeFactory().textNode(x.key()))
                    .toList());
            where.println(Json.line(o));
        } else {
            where.printf(Locale.ROOT, "imported %,d rows from %,d objects (%s) into %s in %.1f s%s%n", r.rows(),
                    r.objects().size(), Progress.bytes(r.bytes()), td != null ? "td://@/" + td.database() + "/"
                    + td.table() : to.equals("-") ? "stdout" : to, r.duration().toMillis() / 1000.0,
                    r.skippedRows() > 0 ? ", " + r.skippedRows() + " bad rows skipped" : "");
        }
    }

    /** The text of a file given as {@code option}; a missing file is a configuration error. */
    static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FerryConfigException(option, "the " + option + " file " + file + " does not exist");
        } catch (IOException e) {
            throw new FerryIoException("cannot read the " + option + " file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} to a file beside {@code target} and moves it over {@code target}. */
    static void writeAtomically(Path target, String text) {
        Path abs = target.toAbsolutePath();
        try {
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new FerryIoException("cannot write the state file " + target + ": " + e.getMessage(), e);
        }
    }

    /** Passes records through to a sink, counting them for the progress line. */
    static final class CountingSink implements RecordSink {
        private final RecordSink sink;
        private final Progress progress;
        private long rows;

        CountingSink(RecordSink sink, Progress progress) {
            this.sink = sink;
            this.progress = progress;
        }

        @Override
        public void open(Schema schema) {
            sink.open(schema);
        }

        @Override
        public void write(Record record) {
            sink.write(record);
            if ((++rows & 1023) == 0) {
                progress.update(-1, rows, -1);
            }
        }

        @Override
        public void commit() {
            sink.commit();
            progress.update(-1, rows, -1);
        }

        @Override
        public void abort() {
            sink.abort();
        }
    }
}
