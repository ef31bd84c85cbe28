package io.ferry.cli;

import io.ferry.core.FerryConfigException;
import io.ferry.core.sink.RecordSink;
import io.ferry.formats.Compression;
import io.ferry.formats.FileFormat;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.json.JsonLinesFormat;
import io.ferry.formats.parquet.ParquetFormat;
import io.ferry.formats.sink.FormatSink;
import io.ferry.td.TdUri;
import io.ferry.td.TdWriter;
import io.ferry.td.TdWriterBuilder;
import java.nio.file.Path;
import java.util.Locale;

/** Where {@code ferry import --to} writes: a local file, stdout ({@code -}) or a Treasure Data table ({@code td://}). */
final class Destinations {
    private Destinations() {
    }

    /** The file format named {@code csv}, {@code tsv}, {@code jsonl} or {@code parquet}. */
    static FileFormat format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> CsvFormat.csv();
            case "tsv" -> CsvFormat.tsv();
            case "jsonl", "json", "ndjson" -> JsonLinesFormat.defaults();
            case "parquet" -> ParquetFormat.defaults();
            default -> throw new FerryConfigException("format", "--format must be csv, tsv, jsonl or parquet, was '"
                    + name + "'");
        };
    }

    /**
     * The format of a file from {@code --format}, or else from its name ({@code out.csv.gz} is
     * CSV), past a compression suffix.
     */
    static FileFormat formatOf(String file, String format) {
        if (format != null) {
            return format(format);
        }
        String name = stripCompression(Path.of(file).getFileName().toString());
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            throw new FerryConfigException("format", "cannot tell the format of '" + file + "' from its name; give"
                    + " --format csv|tsv|jsonl|parquet or a name ending in one of them");
        }
        return format(name.substring(dot + 1));
    }

    /** The compression of a file, from its name ({@code .gz}, {@code .zst}, ...). */
    static Compression compressionOf(String file) {
        return Compression.fromFileName(file).orElse(Compression.NONE);
    }

    private static String stripCompression(String name) {
        Compression c = compressionOf(name);
        return c == Compression.NONE ? name : name.substring(0, name.length() - c.suffix().length());
    }

    /**
     * A Treasure Data writer for a {@code td://@[HOST]/DB/TABLE[?mode=...]} URI, with the key from
     * {@code TD_API_KEY}. A key inside the URI is refused: command lines show in process lists
     * and shell histories.
     */
    static TdWriter td(String uri, String apiKey, String endpoint, String timeColumn, boolean createDatabase) {
        TdUri parsed = TdUri.parse(uri);
        if (parsed.hasApiKey()) {
            throw new FerryConfigException("to", "the td:// URI holds an API key (" + parsed + "); command lines"
                    + " show in process lists and shell histories: set TD_API_KEY and write td://@/"
                    + parsed.database() + "/" + parsed.table());
        }
        TdWriterBuilder b = TdWriter.builder().uri(parsed).createDatabaseIfMissing(createDatabase);
        if (apiKey != null && !apiKey.isBlank()) {
            b.apiKey(apiKey);
        }
        if (endpoint != null) {
            b.endpoint(endpoint);
        }
        if (timeColumn != null) {
            b.timeColumn(timeColumn);
        }
        return b.build();
    }

    /** A file sink (written beside the target, moved into place on commit) or, for {@code -}, stdout. */
    static RecordSink file(String to, String format, Io io) {
        if (to.equals("-")) {
            return FormatSink.toStream(format(format == null ? "jsonl" : format), Compression.NONE,
                    PreviewCommand.unclosed(io.out()));
        }
        return FormatSink.toFile(formatOf(to, format), compressionOf(to), Path.of(to));
    }
}
