package io.ferry.cli;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.Record;
import io.ferry.core.record.RecordSource;
import io.ferry.core.record.Schema;
import io.ferry.formats.Compression;
import io.ferry.formats.guess.FormatGuesser;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import io.ferry.formats.read.RecordReader;
import io.ferry.s3.imports.S3Import;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of a local file or stdin for {@code ferry export --from}: decompressed by the file
 * name's suffix, read with a given parser config or one guessed from the first megabyte (which
 * is then read again, from memory). A source to iterate once; {@link #close()} closes the file.
 */
final class FileRows implements RecordSource, AutoCloseable {
    private final ParserConfig parser;
    private final RecordReader reader;

    private FileRows(ParserConfig parser, RecordReader reader) {
        this.parser = parser;
        this.reader = reader;
    }

    /**
     * Opens {@code from} (a path, or {@code -} for {@code stdin}).
     *
     * @param fromFormat csv, tsv or jsonl, or null; checked against the guess
     * @param parserFile a parser config JSON file, or null to guess
     */
    static FileRows open(String from, String fromFormat, Path parserFile, InputStream stdin) {
        ParserType expected = fromFormat == null ? null : ParserType.parse(fromFormat);
        boolean isStdin = from.equals("-");
        String name = isStdin ? "stdin" + (fromFormat == null ? "" : "." + fromFormat.toLowerCase(java.util.Locale.ROOT))
                : from;
        InputStream in = null;
        try {
            in = isStdin ? stdin : Files.newInputStream(Path.of(from));
            Compression compression = Destinations.compressionOf(name);
            in = compression.unwrap(in);
            ParserConfig parser;
            if (parserFile != null) {
                parser = ParserConfig.fromJson(ImportCommand.read(parserFile, "parser"));
            } else {
                byte[] head = in.readNBytes(S3Import.GUESS_RAW_BYTES);
                String plainName = compression == Compression.NONE ? name
                        : name.substring(0, name.length() - compression.suffix().length());
                parser = FormatGuesser.guess(plainName, head, head.length < S3Import.GUESS_RAW_BYTES).parser();
                in = new SequenceInputStream(new ByteArrayInputStream(head), in);
            }
            if (expected != null && parser.type() != expected) {
                throw new FerryConfigException("from-format", "--from-format is " + fromFormat + " but " + name
                        + " reads as " + parser.type().name().toLowerCase(java.util.Locale.ROOT) + "; give the parser"
                        + " config with --parser FILE (ferry guess prints one)");
            }
            return new FileRows(parser, parser.newReader(name, in));
        } catch (NoSuchFileException e) {
            throw new FerryConfigException("from", "the file " + from + " does not exist");
        } catch (IOException e) {
            closeQuietly(in);
            throw new FerryIoException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** The default table name for {@code --from}: the file's base name, or {@code stdin}. */
    static String tableName(String from) {
        if (from.equals("-")) {
            return "stdin";
        }
        String name = Path.of(from).getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public Schema schema() {
        return parser.schema();
    }

    @Override
    public Iterator<Record> iterator() {
        return new Iterator<>() {
            private Record next = reader.read();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Record next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Record r = next;
                next = reader.read();
                return r;
            }
        };
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (Exception e) {
            throw new FerryIoException("cannot close the input: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null && in != System.in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the failure being reported matters more
            }
        }
    }
}
