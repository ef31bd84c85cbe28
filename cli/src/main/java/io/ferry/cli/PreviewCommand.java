package io.ferry.cli;

import io.ferry.core.record.Record;
import io.ferry.formats.Compression;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.json.JsonLinesFormat;
import io.ferry.formats.read.Preview;
import io.ferry.formats.sink.FormatSink;
import io.ferry.s3.imports.S3Import;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry preview s3://bucket/prefix -n 20}: the first rows, read as an import would read them. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Show the first rows under an S3 prefix, read with a guessed parser, or those an import"
            + " config (--config load.json) selects, read with its parser.",
            "A table on a terminal; TSV with a header line when stdout is a pipe or a file; JSON Lines with --json."})
final class PreviewCommand implements Callable<Integer> {
    /** How the rows are printed. */
    enum Output { TABLE, TSV, JSON }

    @Parameters(index = "0", arity = "0..1", paramLabel = "s3://BUCKET/PREFIX")
    String location;

    @Option(names = "--config", paramLabel = "FILE", description = "An import config (load.json) instead of"
            + " s3://BUCKET/PREFIX: its objects, parser and filters.")
    java.nio.file.Path config;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "-n", paramLabel = "ROWS", defaultValue = "20", description = "How many rows; default ${DEFAULT-VALUE}.")
    int rows;

    @Option(names = "--path-match-pattern", paramLabel = "REGEX", description = "Only keys matching this regex.")
    String pathMatchPattern;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, tsv or json; default: table on a"
            + " terminal, tsv otherwise (json with --json).")
    Output format;

    @Mixin
    S3Options s3;

    @Mixin
    CommonOptions common;

    private final Io io;

    PreviewCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if ((location == null) == (config == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Give either s3://BUCKET/PREFIX or --config FILE");
        }
        S3Import.Builder b = config != null ? s3.applyTo(ImportConfig.parse(ImportCommand.read(config, "config")))
                : GuessCommand.importFor(S3Location.parse(location), pathMatchPattern, s3);
        Preview preview = b.build().preview(rows);
        print(preview, output(format, common.json, io.outIsTerminal()), io.out());
        return ExitCodes.OK;
    }

    /** The output for an explicit {@code --format}, {@code --json} and whether stdout is a terminal. */
    static Output output(Output format, boolean json, boolean terminal) {
        if (format != null) {
            return format;
        }
        if (json) {
            return Output.JSON;
        }
        return terminal ? Output.TABLE : Output.TSV;
    }

    /** Writes {@code preview} onto {@code out} (left open) as {@code output}. */
    static void print(Preview preview, Output output, OutputStream out) {
        if (output == Output.TABLE) {
            byte[] table = preview.toTable().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                out.write(table);
                out.flush();
            } catch (IOException e) {
                throw new io.ferry.core.FerryIoException("cannot write to stdout: " + e.getMessage(), e);
            }
            return;
        }
        FormatSink sink = FormatSink.toStream(output == Output.TSV ? CsvFormat.tsv() : JsonLinesFormat.defaults(),
                Compression.NONE, unclosed(out));
        sink.open(preview.schema());
        for (Record r : preview.rows()) {
            sink.write(r);
        }
        sink.commit();
    }

    /** {@code out} with close() turned into flush(): a sink closes its stream, stdout must stay open. */
    static OutputStream unclosed(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
